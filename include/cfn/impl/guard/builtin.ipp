// cfnpp implementation: the built-in guard rails, each constant of cfn/guard/builtin.hpp with its
// check, in the order docs/rules.md lists them.
#pragma once

#include <vector>  // std::vector

#include <cfn/config.hpp>
#include <cfn/guard/builtin.hpp>
#include <cfn/impl/guard/autoscaling.ipp>
#include <cfn/impl/guard/ec2.ipp>
#include <cfn/impl/guard/iam.ipp>
#include <cfn/impl/guard/s3.ipp>
#include <cfn/impl/guard/secrets.ipp>
#include <cfn/impl/guard/services.ipp>

namespace cfn::guard {

CFN_INLINE const std::vector<rule>& builtin_rules() {
    static const std::vector<rule> all = {
        {ec2_admin_ingress_world, detail::admin_ingress_world},
        {ec2_ingress_world, detail::ingress_world},
        {ec2_rule_description, detail::rule_description},
        {ec2_volume_unencrypted, detail::volume_unencrypted},
        {ec2_instance_ebs_unencrypted, detail::instance_ebs_unencrypted},
        {ec2_instance_imdsv1, detail::instance_imdsv1},
        {ec2_launch_template_ebs_unencrypted, detail::launch_template_ebs_unencrypted},
        {ec2_launch_template_imdsv1, detail::launch_template_imdsv1},
        {ec2_subnet_public_ip, detail::subnet_public_ip},
        {autoscaling_launch_configuration_ebs_unencrypted, detail::launch_configuration_ebs_unencrypted},
        {autoscaling_launch_configuration_imdsv1, detail::launch_configuration_imdsv1},
        {autoscaling_signal_never_sent, detail::signal_never_sent},
        {iam_admin, detail::admin},
        {iam_wildcard_action, detail::wildcard_action},
        {iam_wildcard_resource_write, detail::wildcard_resource_write},
        {iam_not_action, detail::not_action},
        {iam_not_resource, detail::not_resource},
        {iam_pass_role_wildcard, detail::pass_role_wildcard},
        {iam_user_policy, detail::user_policy},
        {iam_trust_wildcard_principal, detail::trust_wildcard_principal},
        {policy_not_principal, detail::not_principal},
        {policy_wildcard_principal, detail::resource_policy_wildcard_principal},
        {policy_wildcard_action, detail::resource_policy_wildcard_action},
        {lambda_permission_wildcard_principal, detail::lambda_permission_wildcard},
        {s3_encryption, detail::s3_encryption},
        {s3_public_access_block, detail::s3_public_access_block},
        {s3_tls_only, detail::s3_tls_only},
        {s3_public_read_acl, detail::s3_public_read_acl},
        {s3_public_write_acl, detail::s3_public_write_acl},
        {s3_access_logs, detail::s3_access_logs},
        {rds_instance_unencrypted, detail::rds_instance_unencrypted},
        {rds_cluster_unencrypted, detail::rds_cluster_unencrypted},
        {rds_publicly_accessible, detail::rds_publicly_accessible},
        {lambda_deprecated_runtime, detail::lambda_deprecated_runtime},
        {secret_plaintext, detail::secret_plaintext},
        {secret_parameter_echo, detail::secret_parameter_echo},
        {kms_key_rotation, detail::kms_key_rotation},
        {sns_topic_encryption, detail::sns_topic_encryption},
        {dynamodb_point_in_time_recovery, detail::dynamodb_point_in_time_recovery},
        {cloudtrail_log_validation, detail::cloudtrail_log_validation},
    };
    return all;
}

}  // namespace cfn::guard
