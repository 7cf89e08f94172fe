// cfnpp implementation: the Auto Scaling guard rails (cfn/guard/builtin.hpp): launch
// configurations, and groups that wait for signals their instances never send.
#pragma once

#include <string>  // std::string

#include <cfn/config.hpp>
#include <cfn/guard/builtin.hpp>
#include <cfn/impl/guard/common.ipp>
#include <cfn/impl/guard/ec2.ipp>
#include <cfn/stack.hpp>

namespace cfn::guard::detail {

CFN_INLINE void launch_configuration_ebs_unencrypted(const resource_view& r, report& found) {
    if (r.type == "AWS::AutoScaling::LaunchConfiguration")
        unencrypted_block_devices(r.property("BlockDeviceMappings"), "Properties.BlockDeviceMappings",
                                  "launch configuration", found);
}
CFN_INLINE void launch_configuration_imdsv1(const resource_view& r, report& found) {
    if (r.type == "AWS::AutoScaling::LaunchConfiguration")
        imdsv1(r.property("MetadataOptions"), "Properties.MetadataOptions", "launch configuration", found);
}

/// The body of the resource of this stack that `reference` (a Ref) names; absent otherwise.
CFN_INLINE node referenced_resource(const resource_view& r, node reference) {
    std::string_view id = ref_target(reference);
    if (id.empty()) return {};
    for (const auto& e : r.owner->resources())
        if (e.id == id) return e.body;
    return {};
}

/// Does this user data signal CloudFormation (cfn-signal, or the CLI's signal-resource)?
CFN_INLINE bool signals(node user_data) {
    std::string script = all_text(user_data);
    return script.find("cfn-signal") != std::string::npos || script.find("signal-resource") != std::string::npos;
}

/// Where a group's instances get their user data: its launch configuration or launch template, when
/// that is a resource of this stack. `found` is false when it is not (a parameter, an import).
struct user_data_source {
    bool found = false;
    node user_data;
    std::string_view owner;  ///< the logical ID of the launch configuration or template
};
CFN_INLINE user_data_source group_user_data(const resource_view& r) {
    node configuration = referenced_resource(r, r.property("LaunchConfigurationName"));
    if (configuration.present())
        return {true, member(member(configuration, "Properties"), "UserData"), ref_target(r.property("LaunchConfigurationName"))};
    for (const char* path : {"LaunchTemplate", "MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification"}) {
        node spec = r.at("Properties." + std::string(path));
        for (const char* key : {"LaunchTemplateId", "LaunchTemplateName"}) {
            node reference = member(spec, key);
            node launch_template = referenced_resource(r, reference);
            if (launch_template.present())
                return {true, member(member(member(launch_template, "Properties"), "LaunchTemplateData"), "UserData"),
                        ref_target(reference)};
        }
    }
    return {};
}

CFN_INLINE void signal_never_sent(const resource_view& r, report& found) {
    if (r.type == "AWS::AutoScaling::AutoScalingGroup") {
        std::string waits;
        if (is_true(r.at("UpdatePolicy.AutoScalingRollingUpdate.WaitOnResourceSignals")))
            waits = "UpdatePolicy.AutoScalingRollingUpdate.WaitOnResourceSignals";
        else if (r.at("CreationPolicy.ResourceSignal").present())
            waits = "CreationPolicy.ResourceSignal";
        if (waits.empty()) return;
        user_data_source source = group_user_data(r);
        if (!source.found || signals(source.user_data)) return;
        found(waits, "the group waits for its instances' signals, but the user data of '" + std::string(source.owner) +
                         "' never runs cfn-signal: every update would wait for the timeout and roll back");
    } else if (r.type == "AWS::EC2::Instance") {
        if (!r.at("CreationPolicy.ResourceSignal").present() || signals(r.property("UserData"))) return;
        found("CreationPolicy.ResourceSignal", "the instance's creation waits for a signal, but its user data never "
                                               "runs cfn-signal: the stack would wait for the timeout and roll back");
    }
}

}  // namespace cfn::guard::detail
