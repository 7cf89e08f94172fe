// The document `diff --json` prints for one template, as a JSON object: commands.cpp puts several
// of them into one document (nested stacks, a program of several stacks) before printing it.
#pragma once

#include <nlohmann/json.hpp>

#include <cfn/diff.hpp>

namespace cfn {

/// diff_to_json's document, not yet written out.
nlohmann::ordered_json diff_document(const template_diff& d);

}  // namespace cfn
