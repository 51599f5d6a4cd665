// Aligned plain-text tables for human output.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace kgraph::cli {

class Table {
public:
    explicit Table(std::vector<std::string> header) : header_(std::move(header)) {}
    void AddRow(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    // Columns padded to their widest cell (counted in code points); cells longer
    // than `max_cell` characters are cut with an ellipsis.
    void Print(std::ostream& out, std::size_t max_cell = 60) const;

private:
    std::vector<std::string> header_;
    std::vector<std::vector<std::string>> rows_;
};

std::string Join(const std::vector<std::string>& items, const std::string& separator);

}  // namespace kgraph::cli
