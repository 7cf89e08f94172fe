// cfnpp implementation: the guard rails of RDS, Lambda, KMS, SNS, DynamoDB and CloudTrail
// (cfn/guard/builtin.hpp).
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/guard/builtin.hpp>
#include <cfn/impl/guard/common.ipp>

namespace cfn::guard::detail {

/// Set, and not true: false, or absent (the default, unencrypted). An intrinsic is decided at
/// deployment and not reported.
CFN_INLINE bool not_enabled(node n) { return !n.present() || is_false(n); }

CFN_INLINE void rds_instance_unencrypted(const resource_view& r, report& found) {
    if (r.type != "AWS::RDS::DBInstance") return;
    // Cluster members and read replicas take their encryption from the cluster or the source.
    if (r.property("DBClusterIdentifier").present() || r.property("SourceDBInstanceIdentifier").present() ||
        r.property("DBSnapshotIdentifier").present())
        return;
    if (not_enabled(r.property("StorageEncrypted")))
        found("Properties.StorageEncrypted", "the DB instance's storage is not encrypted: set .storage_encrypted = true");
}

CFN_INLINE void rds_cluster_unencrypted(const resource_view& r, report& found) {
    if (r.type != "AWS::RDS::DBCluster" || r.property("SnapshotIdentifier").present() ||
        r.property("SourceDBClusterIdentifier").present())
        return;
    if (not_enabled(r.property("StorageEncrypted")))
        found("Properties.StorageEncrypted", "the DB cluster's storage is not encrypted: set .storage_encrypted = true");
}

CFN_INLINE void rds_publicly_accessible(const resource_view& r, report& found) {
    if (r.type == "AWS::RDS::DBInstance" && is_true(r.property("PubliclyAccessible")))
        found("Properties.PubliclyAccessible", "the DB instance has a public address: reach it from inside the VPC");
}

/// Runtimes AWS has deprecated (no more security patches), from the Lambda runtimes page as of
/// December 2026; cfn-lint's E2533 lists the same.
inline constexpr std::string_view deprecated_runtimes[] = {
    "nodejs", "nodejs4.3", "nodejs4.3-edge", "nodejs6.10", "nodejs8.10", "nodejs10.x", "nodejs12.x",
    "nodejs14.x", "nodejs16.x", "nodejs18.x", "nodejs20.x", "python2.7", "python3.6", "python3.7", "python3.8",
    "python3.9", "ruby2.5", "ruby2.7", "ruby3.2", "java8", "go1.x", "provided", "dotnetcore1.0", "dotnetcore2.0",
    "dotnetcore2.1", "dotnetcore3.1", "dotnet5.0", "dotnet6", "dotnet7"};

CFN_INLINE void lambda_deprecated_runtime(const resource_view& r, report& found) {
    if (r.type != "AWS::Lambda::Function") return;
    std::string_view runtime = text(r.property("Runtime"));
    for (std::string_view old : deprecated_runtimes)
        if (runtime == old) {
            found("Properties.Runtime", "the runtime " + std::string(runtime) +
                                            " is deprecated and no longer patched: move to a supported version");
            return;
        }
}

CFN_INLINE void kms_key_rotation(const resource_view& r, report& found) {
    if (r.type != "AWS::KMS::Key") return;
    std::string_view spec = text(r.property("KeySpec"));
    if (r.property("KeySpec").present() && spec != "SYMMETRIC_DEFAULT") return;  // asymmetric and HMAC keys do not rotate
    if (not_enabled(r.property("EnableKeyRotation")))
        found("Properties.EnableKeyRotation", "the key does not rotate: set .enable_key_rotation = true");
}

CFN_INLINE void sns_topic_encryption(const resource_view& r, report& found) {
    if (r.type == "AWS::SNS::Topic" && !r.property("KmsMasterKeyId").present())
        found("Properties.KmsMasterKeyId", "the topic is not encrypted: set .kms_master_key_id (alias/aws/sns or a key of yours)");
}

CFN_INLINE void dynamodb_point_in_time_recovery(const resource_view& r, report& found) {
    if (r.type == "AWS::DynamoDB::Table" &&
        not_enabled(r.at("Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled")))
        found("Properties.PointInTimeRecoverySpecification", "the table has no point-in-time recovery: set .point_in_time_recovery_specification = "
                            "{.point_in_time_recovery_enabled = true}");
}

CFN_INLINE void cloudtrail_log_validation(const resource_view& r, report& found) {
    if (r.type == "AWS::CloudTrail::Trail" && not_enabled(r.property("EnableLogFileValidation")))
        found("Properties.EnableLogFileValidation", "the trail does not validate its log files: set "
                                                    ".enable_log_file_validation = true");
}

}  // namespace cfn::guard::detail
