// cfnpp: logical IDs, checked at compile time when they are literals.
#pragma once

#include <cstddef>      // std::size_t
#include <string_view>  // std::string_view
#include <type_traits>  // std::is_same_v

#include <cfn/node.hpp>
#include <cfn/vocabulary.hpp>

namespace cfn {

namespace detail {
// Intentionally not constexpr: calling it during constant evaluation is the compile error, and
// g++ shows this name and the offending literal. (The same trick as {fmt}'s format checks.)
void logical_id_must_be_alphanumeric_and_at_most_255_characters();
}  // namespace detail

/// The name of a parameter, mapping, condition, resource or output in the template.
/// A literal is checked when the program compiles (`"My-Bucket"` does not compile); a string built
/// at run time (`fmt::format("Subnet{}", i)`) is checked before the template is written.
class logical_id {
public:
    template <std::size_t N>
    consteval logical_id(const char (&literal)[N]) : text_(literal, N - 1) {
        if (!vocabulary::valid_logical_id(text_))
            detail::logical_id_must_be_alphanumeric_and_at_most_255_characters();
    }
    /// A name built at run time; it is copied, so a temporary string is fine.
    logical_id(std::string_view runtime_name) : text_(detail::intern(runtime_name)) {}
    logical_id(const std::string& runtime_name) : text_(detail::intern(runtime_name)) {}
    /// A `const char*` variable (a literal takes the checked constructor above: a reference to an
    /// array never deduces P as a pointer).
    template <class P>
        requires std::is_same_v<P, const char*> || std::is_same_v<P, char*>
    logical_id(const P& runtime_name) : text_(detail::intern(runtime_name)) {}

    constexpr std::string_view str() const noexcept { return text_; }

private:
    std::string_view text_;
};

}  // namespace cfn
