// 3. IAM: what the nodes may do. The role every node runs as, and the instance profile that gives
// it to them.
#include <cfn/iam/policy.hpp>
#include <cfn/aws/iam/role.hpp>

#include "swarm.hpp"

namespace swarm {

namespace iam = cfn::iam;  // the policy language (aws_iam: the resources)

aws_iam::instance_profile::handle add_node_role(cfn::scope scope) {
    // Send logs to CloudWatch (awslogs on the managers).
    iam::policy_document cw_my_log_policy{.statement = {{
        .effect = iam::effect::allow,
        .action = {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"},
        .resource = {"arn:aws:logs:*:*:*"},
    }}};
    // List CodeCommit repositories, and pull one of them without credentials.
    iam::policy_document git_policy{.statement = {
        {.effect = iam::effect::allow, .action = {"codecommit:ListRepositories"}, .resource = {"*"}},
        {.effect = iam::effect::allow,
         .action = {"codecommit:GitPull"},
         .resource = {cfn::sub("arn:aws:codecommit:${AWS::Region}:${AWS::AccountId}:AwsCodeTest")}},
    }};
    auto root_role = scope.add(aws_iam::role{"RootRole", {
        .assume_role_policy_document = iam::policy_document{.statement = {{
            .effect = iam::effect::allow,
            .principal = {.service = {"ec2.amazonaws.com"}},
            .action = {"sts:AssumeRole"},
        }}},
        .managed_policy_arns = {"arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM",      // SSM sessions
                                "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryPowerUser"},  // ECR
        .path = "/",
        .policies = {{.policy_document = cw_my_log_policy, .policy_name = "CWMyLogPolicy"},
                     {.policy_document = git_policy, .policy_name = "GitPolicy"}},
    }});
    return scope.add(aws_iam::instance_profile{"RootInstanceProfile", {.path = "/", .roles = {root_role.ref()}}});
}

}  // namespace swarm
