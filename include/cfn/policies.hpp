// cfnpp: the typed CreationPolicy and UpdatePolicy resource attributes.
//
// Written in the same shape as the generated property types (a plain struct, a field table), so
// that they are emitted, validated and tested by the same code.
#pragma once

#include <cstddef>  // offsetof

#include <cfn/value.hpp>

namespace cfn {

namespace policy {

/// CreationPolicy.AutoScalingCreationPolicy: how many instances must signal success.
struct auto_scaling_creation_policy {
    /// Percentage of instances that must signal success for the update to succeed.
    optional<integer, "CreationPolicy.AutoScalingCreationPolicy.MinSuccessfulInstancesPercent"> min_successful_instances_percent;
    node cfn_intrinsic;
    static const struct_info* cfn_struct() noexcept {
        using self = auto_scaling_creation_policy;
        static constexpr field_info fields[] = {
            {"MinSuccessfulInstancesPercent", offsetof(self, min_successful_instances_percent), field_kind::value, false},
        };
        static constexpr struct_info info{"CreationPolicy.AutoScalingCreationPolicy", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

/// CreationPolicy.ResourceSignal: wait for cfn-signal before the resource counts as created.
struct resource_signal {
    /// The number of success signals CloudFormation must receive.
    optional<integer, "CreationPolicy.ResourceSignal.Count"> count;
    /// How long to wait for the signals, as an ISO 8601 duration such as PT15M.
    optional<str, "CreationPolicy.ResourceSignal.Timeout"> timeout;
    node cfn_intrinsic;
    static const struct_info* cfn_struct() noexcept {
        using self = resource_signal;
        static constexpr field_info fields[] = {
            {"Count", offsetof(self, count), field_kind::value, false},
            {"Timeout", offsetof(self, timeout), field_kind::value, false},
        };
        static constexpr struct_info info{"CreationPolicy.ResourceSignal", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

/// UpdatePolicy.AutoScalingReplacingUpdate: replace the whole group on update.
struct auto_scaling_replacing_update {
    /// Whether to replace the Auto Scaling group with a new one.
    optional<boolean, "UpdatePolicy.AutoScalingReplacingUpdate.WillReplace"> will_replace;
    node cfn_intrinsic;
    static const struct_info* cfn_struct() noexcept {
        using self = auto_scaling_replacing_update;
        static constexpr field_info fields[] = {
            {"WillReplace", offsetof(self, will_replace), field_kind::value, false},
        };
        static constexpr struct_info info{"UpdatePolicy.AutoScalingReplacingUpdate", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

/// UpdatePolicy.AutoScalingRollingUpdate: update instances in batches.
struct auto_scaling_rolling_update {
    /// The maximum number of instances updated at a time.
    optional<integer, "UpdatePolicy.AutoScalingRollingUpdate.MaxBatchSize"> max_batch_size;
    /// The minimum number of instances that must stay in service during the update.
    optional<integer, "UpdatePolicy.AutoScalingRollingUpdate.MinInstancesInService"> min_instances_in_service;
    /// Percentage of instances that must signal success for the update to succeed.
    optional<integer, "UpdatePolicy.AutoScalingRollingUpdate.MinSuccessfulInstancesPercent"> min_successful_instances_percent;
    /// How long to pause after each batch, as an ISO 8601 duration such as PT5M.
    optional<str, "UpdatePolicy.AutoScalingRollingUpdate.PauseTime"> pause_time;
    /// Auto Scaling processes to suspend during the update.
    optional<list<str>, "UpdatePolicy.AutoScalingRollingUpdate.SuspendProcesses"> suspend_processes;
    /// Whether to wait for success signals from new instances.
    optional<boolean, "UpdatePolicy.AutoScalingRollingUpdate.WaitOnResourceSignals"> wait_on_resource_signals;
    node cfn_intrinsic;
    static const struct_info* cfn_struct() noexcept {
        using self = auto_scaling_rolling_update;
        static constexpr field_info fields[] = {
            {"MaxBatchSize", offsetof(self, max_batch_size), field_kind::value, false},
            {"MinInstancesInService", offsetof(self, min_instances_in_service), field_kind::value, false},
            {"MinSuccessfulInstancesPercent", offsetof(self, min_successful_instances_percent), field_kind::value, false},
            {"PauseTime", offsetof(self, pause_time), field_kind::value, false},
            {"SuspendProcesses", offsetof(self, suspend_processes), field_kind::value, false},
            {"WaitOnResourceSignals", offsetof(self, wait_on_resource_signals), field_kind::value, false},
        };
        static constexpr struct_info info{"UpdatePolicy.AutoScalingRollingUpdate", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

/// UpdatePolicy.AutoScalingScheduledAction: keep scheduled actions' sizes during updates.
struct auto_scaling_scheduled_action {
    /// Whether to ignore group size changes made by scheduled actions.
    optional<boolean, "UpdatePolicy.AutoScalingScheduledAction.IgnoreUnmodifiedGroupSizeProperties"> ignore_unmodified_group_size_properties;
    node cfn_intrinsic;
    static const struct_info* cfn_struct() noexcept {
        using self = auto_scaling_scheduled_action;
        static constexpr field_info fields[] = {
            {"IgnoreUnmodifiedGroupSizeProperties", offsetof(self, ignore_unmodified_group_size_properties), field_kind::value, false},
        };
        static constexpr struct_info info{"UpdatePolicy.AutoScalingScheduledAction", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

/// UpdatePolicy.CodeDeployLambdaAliasUpdate: shift traffic of a Lambda alias with CodeDeploy.
struct code_deploy_lambda_alias_update {
    /// The name of the Lambda function to run after traffic routing completes.
    optional<str, "UpdatePolicy.CodeDeployLambdaAliasUpdate.AfterAllowTrafficHook"> after_allow_traffic_hook;
    /// The name of the CodeDeploy application.
    required<str, "UpdatePolicy.CodeDeployLambdaAliasUpdate.ApplicationName"> application_name;
    /// The name of the Lambda function to run before traffic routing starts.
    optional<str, "UpdatePolicy.CodeDeployLambdaAliasUpdate.BeforeAllowTrafficHook"> before_allow_traffic_hook;
    /// The name of the CodeDeploy deployment group.
    required<str, "UpdatePolicy.CodeDeployLambdaAliasUpdate.DeploymentGroupName"> deployment_group_name;
    node cfn_intrinsic;
    static const struct_info* cfn_struct() noexcept {
        using self = code_deploy_lambda_alias_update;
        static constexpr field_info fields[] = {
            {"AfterAllowTrafficHook", offsetof(self, after_allow_traffic_hook), field_kind::value, false},
            {"ApplicationName", offsetof(self, application_name), field_kind::value, true},
            {"BeforeAllowTrafficHook", offsetof(self, before_allow_traffic_hook), field_kind::value, false},
            {"DeploymentGroupName", offsetof(self, deployment_group_name), field_kind::value, true},
        };
        static constexpr struct_info info{"UpdatePolicy.CodeDeployLambdaAliasUpdate", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

}  // namespace policy

/// The CreationPolicy resource attribute (AutoScalingGroup, EC2 Instance, WaitCondition, ...).
struct creation_policy {
    policy::auto_scaling_creation_policy auto_scaling_creation_policy = absent;
    policy::resource_signal resource_signal = absent;
    node cfn_intrinsic;
    static const struct_info* cfn_struct() noexcept {
        using self = creation_policy;
        static constexpr field_info fields[] = {
            {"AutoScalingCreationPolicy", offsetof(self, auto_scaling_creation_policy), field_kind::nested, false, replacement::no, &policy::auto_scaling_creation_policy::cfn_struct},
            {"ResourceSignal", offsetof(self, resource_signal), field_kind::nested, false, replacement::no, &policy::resource_signal::cfn_struct},
        };
        static constexpr struct_info info{"CreationPolicy", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

/// The UpdatePolicy resource attribute (AutoScalingGroup, ElastiCache ReplicationGroup,
/// OpenSearch/Elasticsearch Domain, Lambda Alias).
struct update_policy {
    policy::auto_scaling_replacing_update auto_scaling_replacing_update = absent;
    policy::auto_scaling_rolling_update auto_scaling_rolling_update = absent;
    policy::auto_scaling_scheduled_action auto_scaling_scheduled_action = absent;
    policy::code_deploy_lambda_alias_update code_deploy_lambda_alias_update = absent;
    /// OpenSearch/Elasticsearch domains: upgrade the engine version in place.
    optional<boolean, "UpdatePolicy.EnableVersionUpgrade"> enable_version_upgrade;
    /// ElastiCache replication groups: change shards without replacing the group.
    optional<boolean, "UpdatePolicy.UseOnlineResharding"> use_online_resharding;
    node cfn_intrinsic;
    static const struct_info* cfn_struct() noexcept {
        using self = update_policy;
        static constexpr field_info fields[] = {
            {"AutoScalingReplacingUpdate", offsetof(self, auto_scaling_replacing_update), field_kind::nested, false, replacement::no, &policy::auto_scaling_replacing_update::cfn_struct},
            {"AutoScalingRollingUpdate", offsetof(self, auto_scaling_rolling_update), field_kind::nested, false, replacement::no, &policy::auto_scaling_rolling_update::cfn_struct},
            {"AutoScalingScheduledAction", offsetof(self, auto_scaling_scheduled_action), field_kind::nested, false, replacement::no, &policy::auto_scaling_scheduled_action::cfn_struct},
            {"CodeDeployLambdaAliasUpdate", offsetof(self, code_deploy_lambda_alias_update), field_kind::nested, false, replacement::no, &policy::code_deploy_lambda_alias_update::cfn_struct},
            {"EnableVersionUpgrade", offsetof(self, enable_version_upgrade), field_kind::value, false},
            {"UseOnlineResharding", offsetof(self, use_online_resharding), field_kind::value, false},
        };
        static constexpr struct_info info{"UpdatePolicy", fields, offsetof(self, cfn_intrinsic)};
        return &info;
    }
};

/// A resource tag: `{.key = "Name", .value = "web"}` (the spec's "tag" type).
struct tag {
    /// The tag key.
    required<str, "Tag.Key"> key;
    /// The tag value.
    required<str, "Tag.Value"> value;
    node cfn_intrinsic;
    static const struct_info* cfn_struct() noexcept {
        static constexpr field_info fields[] = {
            {"Key", offsetof(tag, key), field_kind::value, true},
            {"Value", offsetof(tag, value), field_kind::value, true},
        };
        static constexpr struct_info info{"Tag", fields, offsetof(tag, cfn_intrinsic)};
        return &info;
    }
};

}  // namespace cfn
