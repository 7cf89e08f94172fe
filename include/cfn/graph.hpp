// cfnpp: a picture of the stack, as Graphviz DOT or a Mermaid flowchart.
#pragma once

#include <string>  // std::string
#include <vector>  // std::vector

#include <cfn/config.hpp>

namespace cfn {

class stack;
struct named_stack;  // run.hpp

enum class graph_format {
    dot,      ///< Graphviz: `dot -Tsvg stack.dot > stack.svg`
    mermaid,  ///< a Mermaid flowchart: renders on GitHub and in editors with nothing to install
};

struct graph_options {
    /// Resource types left out of the picture, with every edge to or from them: a type
    /// ("AWS::EC2::SubnetRouteTableAssociation"), or all types with a prefix, ending in `*`
    /// ("AWS::IAM::*").
    std::vector<std::string> hide;
};

/// The stack as a graph: parameters, resources (logical ID and type) and outputs, each its own
/// shape, resources grouped by the `cfn::scope` they were added through; an edge from each
/// element to what it uses, labelled `Ref`, `GetAtt <attribute>`, `Sub` or `DependsOn`. The
/// resources and edges of a dependency cycle are drawn in red. The same stack gives the same
/// text every run.
///
/// A stack with nested stacks is drawn with one group (cluster) per nested stack, inside its
/// parent's, and the references that cross them drawn as written, resource to resource (the
/// parameters and outputs that carry them are not drawn).
std::string graph(const stack& s, graph_format f, const graph_options& options = {});

/// The stacks of a program deployed separately (run.hpp), one group each, with an edge labelled
/// `ImportValue` from each `Fn::ImportValue` to the output that exports the name.
std::string graph(const std::vector<named_stack>& stacks, graph_format f, const graph_options& options = {});

}  // namespace cfn
