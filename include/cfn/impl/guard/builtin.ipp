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

namespace cfn::guard::detail {

CFN_INLINE const std::vector<rule>& builtin_rules() {
    static const std::vector<rule> all = {
        {guard::ec2_admin_ingress_world, admin_ingress_world},
        {guard::ec2_ingress_world, ingress_world},
        {guard::ec2_rule_description, rule_description},
        {guard::ec2_volume_unencrypted, volume_unencrypted},
        {guard::ec2_instance_ebs_unencrypted, instance_ebs_unencrypted},
        {guard::ec2_instance_imdsv1, instance_imdsv1},
        {guard::ec2_launch_template_ebs_unencrypted, launch_template_ebs_unencrypted},
        {guard::ec2_launch_template_imdsv1, launch_template_imdsv1},
        {guard::ec2_subnet_public_ip, subnet_public_ip},
        {guard::autoscaling_launch_configuration_ebs_unencrypted, launch_configuration_ebs_unencrypted},
        {guard::autoscaling_launch_configuration_imdsv1, launch_configuration_imdsv1},
        {guard::autoscaling_signal_never_sent, signal_never_sent},
        {guard::iam_admin, admin},
        {guard::iam_wildcard_action, wildcard_action},
        {guard::iam_wildcard_resource_write, wildcard_resource_write},
        {guard::iam_not_action, not_action},
        {guard::iam_not_resource, not_resource},
        {guard::iam_pass_role_wildcard, pass_role_wildcard},
        {guard::iam_user_policy, user_policy},
        {guard::iam_trust_wildcard_principal, trust_wildcard_principal},
        {guard::policy_not_principal, not_principal},
        {guard::policy_wildcard_principal, resource_policy_wildcard_principal},
        {guard::policy_wildcard_action, resource_policy_wildcard_action},
        {guard::lambda_permission_wildcard_principal, lambda_permission_wildcard},
        {guard::s3_encryption, s3_encryption},
        {guard::s3_public_access_block, s3_public_access_block},
        {guard::s3_tls_only, s3_tls_only},
        {guard::s3_public_read_acl, s3_public_read_acl},
        {guard::s3_public_write_acl, s3_public_write_acl},
        {guard::s3_access_logs, s3_access_logs},
        {guard::rds_instance_unencrypted, rds_instance_unencrypted},
        {guard::rds_cluster_unencrypted, rds_cluster_unencrypted},
        {guard::rds_publicly_accessible, rds_publicly_accessible},
        {guard::lambda_deprecated_runtime, lambda_deprecated_runtime},
        {guard::secret_plaintext, secret_plaintext},
        {guard::secret_parameter_echo, secret_parameter_echo},
        {guard::kms_key_rotation, kms_key_rotation},
        {guard::sns_topic_encryption, sns_topic_encryption},
        {guard::dynamodb_point_in_time_recovery, dynamodb_point_in_time_recovery},
        {guard::cloudtrail_log_validation, cloudtrail_log_validation},
    };
    return all;
}

}  // namespace cfn::guard::detail
