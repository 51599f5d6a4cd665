// Internal to export/: numbers as every text format here writes them.
#pragma once

#include <charconv>
#include <string>

namespace kgraph {

// The shortest decimal that reads back as the same double, never in exponent
// form (which xsd:decimal, GraphML readers and neo4j-admin would take as text
// or reject). to_chars ignores the locale.
inline std::string DecimalText(double value) {
    char buffer[512];
    auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
    return error == std::errc() ? std::string(buffer, end) : "0";
}

}  // namespace kgraph
