// cfnpp: the built-in guard rails, by service: the constants suppressions name. Their checks are in
// impl/guard/<service>.ipp, their rationale, fix and equivalents in docs/rules.md.
//
// Severity: an error is a template that fails its deployment or that opens something to anyone by
// construction; a warning is what cfn_nag, checkov and cdk-nag agree a reviewer should see.
#pragma once

#include <vector>  // std::vector

#include <cfn/guard.hpp>

namespace cfn::guard {

// EC2: security groups, volumes, instances, launch templates, subnets. -----------------------------
inline constexpr rule_id ec2_admin_ingress_world{"CFN-EC2-ADMIN-INGRESS-WORLD", severity::warning, category::security,
    "SSH (22) or RDP (3389) open to 0.0.0.0/0 or ::/0",
    "AWS::EC2::SecurityGroup AWS::EC2::SecurityGroupIngress", "W2 W9", "CKV_AWS_24 CKV_AWS_25", "AwsSolutions-EC23"};
inline constexpr rule_id ec2_ingress_world{"CFN-EC2-INGRESS-WORLD", severity::warning, category::security,
    "a port other than 22 and 3389 open to 0.0.0.0/0 or ::/0",
    "AWS::EC2::SecurityGroup AWS::EC2::SecurityGroupIngress", "W2 W9", "CKV_AWS_260", "AwsSolutions-EC23"};
inline constexpr rule_id ec2_rule_description{"CFN-EC2-RULE-DESCRIPTION", severity::warning, category::best_practice,
    "every security group rule says what it is for (Description)",
    "AWS::EC2::SecurityGroup AWS::EC2::SecurityGroupIngress AWS::EC2::SecurityGroupEgress", "W36", "CKV_AWS_23"};
inline constexpr rule_id ec2_volume_unencrypted{"CFN-EC2-VOLUME-UNENCRYPTED", severity::warning, category::security,
    "EBS volumes are encrypted (Encrypted: true)", "AWS::EC2::Volume", "F1", "CKV_AWS_3", "AwsSolutions-EC26"};
inline constexpr rule_id ec2_instance_ebs_unencrypted{"CFN-EC2-INSTANCE-EBS-UNENCRYPTED", severity::warning, category::security,
    "an instance's EBS block devices are encrypted", "AWS::EC2::Instance", "", "CKV_AWS_8", "AwsSolutions-EC26"};
inline constexpr rule_id ec2_instance_imdsv1{"CFN-EC2-INSTANCE-IMDSV1", severity::warning, category::security,
    "an instance requires IMDSv2 (MetadataOptions.HttpTokens: required)", "AWS::EC2::Instance", "", "CKV_AWS_79"};
inline constexpr rule_id ec2_launch_template_ebs_unencrypted{"CFN-EC2-LAUNCH-TEMPLATE-EBS-UNENCRYPTED", severity::warning,
    category::security, "a launch template's EBS block devices are encrypted", "AWS::EC2::LaunchTemplate", "", "CKV_AWS_8",
    "AwsSolutions-EC26"};
inline constexpr rule_id ec2_launch_template_imdsv1{"CFN-EC2-LAUNCH-TEMPLATE-IMDSV1", severity::warning, category::security,
    "a launch template requires IMDSv2 (MetadataOptions.HttpTokens: required)", "AWS::EC2::LaunchTemplate", "",
    "CKV_AWS_79"};
inline constexpr rule_id ec2_subnet_public_ip{"CFN-EC2-SUBNET-PUBLIC-IP", severity::warning, category::security,
    "a subnet does not give every instance a public IP (MapPublicIpOnLaunch)", "AWS::EC2::Subnet", "W33",
    "CKV_AWS_130"};

// Auto Scaling. ------------------------------------------------------------------------------------
inline constexpr rule_id autoscaling_launch_configuration_ebs_unencrypted{
    "CFN-AUTOSCALING-LAUNCH-CONFIGURATION-EBS-UNENCRYPTED", severity::warning, category::security,
    "a launch configuration's EBS block devices are encrypted", "AWS::AutoScaling::LaunchConfiguration", "",
    "CKV_AWS_8", "AwsSolutions-EC26"};
inline constexpr rule_id autoscaling_launch_configuration_imdsv1{"CFN-AUTOSCALING-LAUNCH-CONFIGURATION-IMDSV1", severity::warning,
    category::security, "a launch configuration requires IMDSv2 (MetadataOptions.HttpTokens: required)",
    "AWS::AutoScaling::LaunchConfiguration", "", "CKV_AWS_79"};
inline constexpr rule_id autoscaling_signal_never_sent{"CFN-AUTOSCALING-SIGNAL-NEVER-SENT", severity::error, category::best_practice,
    "a group or instance that waits for signals runs cfn-signal in its user data",
    "AWS::AutoScaling::AutoScalingGroup AWS::EC2::Instance"};

// IAM: identity policies (roles, users, groups, policies) and trust policies. -----------------------
inline constexpr rule_id iam_admin{"CFN-IAM-ADMIN", severity::error, category::security,
    "no policy allows every action (*) on every resource (*)",
    "AWS::IAM::Role AWS::IAM::Policy AWS::IAM::ManagedPolicy AWS::IAM::User AWS::IAM::Group", "F3 F4 F5",
    "CKV_AWS_1", "AwsSolutions-IAM5"};
inline constexpr rule_id iam_wildcard_action{"CFN-IAM-WILDCARD-ACTION", severity::warning, category::security,
    "a policy names its actions, not * or service:*",
    "AWS::IAM::Role AWS::IAM::Policy AWS::IAM::ManagedPolicy AWS::IAM::User AWS::IAM::Group", "F3 F4 F5",
    "CKV_AWS_63", "AwsSolutions-IAM5"};
inline constexpr rule_id iam_wildcard_resource_write{"CFN-IAM-WILDCARD-RESOURCE-WRITE", severity::warning, category::security,
    "a write action applies to named resources, not *",
    "AWS::IAM::Role AWS::IAM::Policy AWS::IAM::ManagedPolicy AWS::IAM::User AWS::IAM::Group", "W11 W12 W13",
    "CKV_AWS_111", "AwsSolutions-IAM5"};
inline constexpr rule_id iam_not_action{"CFN-IAM-NOT-ACTION", severity::warning, category::security,
    "no Allow with NotAction (it allows everything not listed)",
    "AWS::IAM::Role AWS::IAM::Policy AWS::IAM::ManagedPolicy AWS::IAM::User AWS::IAM::Group", "W14 W15 W16 W17"};
inline constexpr rule_id iam_not_resource{"CFN-IAM-NOT-RESOURCE", severity::warning, category::security,
    "no Allow with NotResource (it allows every resource not listed)",
    "AWS::IAM::Role AWS::IAM::Policy AWS::IAM::ManagedPolicy AWS::IAM::User AWS::IAM::Group", "W21 W22 W23"};
inline constexpr rule_id iam_pass_role_wildcard{"CFN-IAM-PASS-ROLE-WILDCARD", severity::warning, category::security,
    "iam:PassRole names the roles it passes, not *",
    "AWS::IAM::Role AWS::IAM::Policy AWS::IAM::ManagedPolicy AWS::IAM::User AWS::IAM::Group", "F38 F39 F40"};
inline constexpr rule_id iam_user_policy{"CFN-IAM-USER-POLICY", severity::warning, category::best_practice,
    "permissions go to groups or roles, not directly to users",
    "AWS::IAM::User AWS::IAM::Policy AWS::IAM::ManagedPolicy", "F10 F11 F12", "CKV_AWS_40"};
inline constexpr rule_id iam_trust_wildcard_principal{"CFN-IAM-TRUST-WILDCARD-PRINCIPAL", severity::error, category::security,
    "a role's trust policy does not let anyone (*) assume it", "AWS::IAM::Role", "", "CKV_AWS_60"};

// Resource policies: S3 buckets, SQS queues, SNS topics, Lambda permissions. ------------------------
inline constexpr rule_id policy_not_principal{"CFN-POLICY-NOT-PRINCIPAL", severity::error, category::security,
    "no Allow with NotPrincipal (it allows everyone not listed)",
    "AWS::IAM::Role AWS::S3::BucketPolicy AWS::SQS::QueuePolicy AWS::SNS::TopicPolicy", "F6 F7 F8 F9"};
inline constexpr rule_id policy_wildcard_principal{"CFN-POLICY-WILDCARD-PRINCIPAL", severity::warning, category::security,
    "a resource policy does not allow anyone (*) without a Condition",
    "AWS::S3::BucketPolicy AWS::SQS::QueuePolicy AWS::SNS::TopicPolicy", "F16 F18 F21", "CKV_AWS_70"};
inline constexpr rule_id policy_wildcard_action{"CFN-POLICY-WILDCARD-ACTION", severity::warning, category::security,
    "a resource policy names its actions, not * or service:*",
    "AWS::S3::BucketPolicy AWS::SQS::QueuePolicy AWS::SNS::TopicPolicy", "F15 F20"};
inline constexpr rule_id lambda_permission_wildcard_principal{"CFN-LAMBDA-PERMISSION-WILDCARD-PRINCIPAL", severity::warning,
    category::security, "a Lambda permission names who may invoke, not *", "AWS::Lambda::Permission", "F13"};

// S3. --------------------------------------------------------------------------------------------
inline constexpr rule_id s3_encryption{"CFN-S3-ENCRYPTION", severity::warning, category::security,
    "a bucket says how it is encrypted (BucketEncryption)", "AWS::S3::Bucket", "W41", "CKV_AWS_19"};
inline constexpr rule_id s3_public_access_block{"CFN-S3-PUBLIC-ACCESS-BLOCK", severity::warning, category::security,
    "a bucket blocks public access (PublicAccessBlockConfiguration, all four true)", "AWS::S3::Bucket", "",
    "CKV_AWS_53 CKV_AWS_54 CKV_AWS_55 CKV_AWS_56", "AwsSolutions-S2"};
inline constexpr rule_id s3_tls_only{"CFN-S3-TLS-ONLY", severity::warning, category::security,
    "a bucket's policy denies requests without TLS (aws:SecureTransport false)", "AWS::S3::Bucket", "", "",
    "AwsSolutions-S10"};
inline constexpr rule_id s3_public_read_acl{"CFN-S3-PUBLIC-READ-ACL", severity::warning, category::security,
    "a bucket's canned ACL is not PublicRead or AuthenticatedRead", "AWS::S3::Bucket", "W31", "CKV_AWS_20"};
inline constexpr rule_id s3_public_write_acl{"CFN-S3-PUBLIC-WRITE-ACL", severity::error, category::security,
    "a bucket's canned ACL is not PublicReadWrite", "AWS::S3::Bucket", "F14", "CKV_AWS_57"};
inline constexpr rule_id s3_access_logs{"CFN-S3-ACCESS-LOGS", severity::warning, category::best_practice,
    "a bucket logs its access (LoggingConfiguration)", "AWS::S3::Bucket", "W35", "CKV_AWS_18", "AwsSolutions-S1"};

// RDS. -------------------------------------------------------------------------------------------
inline constexpr rule_id rds_instance_unencrypted{"CFN-RDS-INSTANCE-UNENCRYPTED", severity::warning, category::security,
    "a DB instance's storage is encrypted (StorageEncrypted: true)", "AWS::RDS::DBInstance", "F27", "CKV_AWS_16",
    "AwsSolutions-RDS2"};
inline constexpr rule_id rds_cluster_unencrypted{"CFN-RDS-CLUSTER-UNENCRYPTED", severity::warning, category::security,
    "a DB cluster's storage is encrypted (StorageEncrypted: true)", "AWS::RDS::DBCluster", "F26", "CKV_AWS_96",
    "AwsSolutions-RDS2"};
inline constexpr rule_id rds_publicly_accessible{"CFN-RDS-PUBLICLY-ACCESSIBLE", severity::warning, category::security,
    "a DB instance is not publicly accessible", "AWS::RDS::DBInstance", "F22", "CKV_AWS_17"};

// Lambda. ----------------------------------------------------------------------------------------
inline constexpr rule_id lambda_deprecated_runtime{"CFN-LAMBDA-DEPRECATED-RUNTIME", severity::warning, category::security,
    "a function's runtime still gets security patches", "AWS::Lambda::Function", "", "CKV_AWS_363",
    "AwsSolutions-L1"};

// Secrets: passwords in properties and parameters. --------------------------------------------------
inline constexpr rule_id secret_plaintext{"CFN-SECRET-PLAINTEXT", severity::error, category::security,
    "a password or secret property is not written in the template in plain text", "", "F23 F31 W1"};
inline constexpr rule_id secret_parameter_echo{"CFN-SECRET-PARAMETER-ECHO", severity::warning, category::security,
    "a parameter that holds a secret is NoEcho and has no Default", "", "F23"};

// Other services' encryption and recovery. ---------------------------------------------------------
inline constexpr rule_id kms_key_rotation{"CFN-KMS-KEY-ROTATION", severity::warning, category::security,
    "a symmetric KMS key rotates (EnableKeyRotation: true)", "AWS::KMS::Key", "F19", "CKV_AWS_7",
    "AwsSolutions-KMS5"};
inline constexpr rule_id sns_topic_encryption{"CFN-SNS-TOPIC-ENCRYPTION", severity::warning, category::security,
    "an SNS topic is encrypted (KmsMasterKeyId)", "AWS::SNS::Topic", "", "CKV_AWS_26", "AwsSolutions-SNS2"};
inline constexpr rule_id dynamodb_point_in_time_recovery{"CFN-DYNAMODB-POINT-IN-TIME-RECOVERY", severity::warning,
    category::best_practice, "a DynamoDB table has point-in-time recovery", "AWS::DynamoDB::Table", "", "CKV_AWS_28",
    "AwsSolutions-DDB3"};
inline constexpr rule_id cloudtrail_log_validation{"CFN-CLOUDTRAIL-LOG-VALIDATION", severity::warning, category::security,
    "a trail validates its log files (EnableLogFileValidation: true)", "AWS::CloudTrail::Trail", "", "CKV_AWS_36"};

/// Every rule above with its check, in this order: what `cfn::check` runs (impl/guard/builtin.ipp).
const std::vector<rule>& builtin_rules();

}  // namespace cfn::guard
