#include "table.h"

#include <algorithm>

namespace kgraph::cli {
namespace {

bool IsContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

std::size_t CodePoints(const std::string& text) {
    return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) { return !IsContinuationByte(c); }));
}

std::string Shorten(const std::string& text, std::size_t max_cell) {
    if (CodePoints(text) <= max_cell) return text;
    std::size_t kept = 0, end = 0;
    while (end < text.size() && kept < max_cell - 1) {
        ++end;
        while (end < text.size() && IsContinuationByte(text[end])) ++end;
        ++kept;
    }
    return text.substr(0, end) + "\u2026";
}

}  // namespace

void Table::Print(std::ostream& out, std::size_t max_cell) const {
    std::vector<std::vector<std::string>> lines{header_};
    for (const auto& row : rows_) {
        std::vector<std::string> cells;
        for (const std::string& cell : row) cells.push_back(Shorten(cell, max_cell));
        lines.push_back(std::move(cells));
    }
    std::vector<std::size_t> widths(header_.size(), 0);
    for (const auto& line : lines) {
        for (std::size_t i = 0; i < line.size() && i < widths.size(); ++i) widths[i] = std::max(widths[i], CodePoints(line[i]));
    }
    for (const auto& line : lines) {
        std::string text;
        for (std::size_t i = 0; i < line.size() && i < widths.size(); ++i) {
            text += line[i];
            if (i + 1 < line.size()) text += std::string(widths[i] - CodePoints(line[i]) + 2, ' ');
        }
        out << text << '\n';
    }
}

std::string Join(const std::vector<std::string>& items, const std::string& separator) {
    std::string joined;
    for (const std::string& item : items) joined += (joined.empty() ? "" : separator) + item;
    return joined;
}

}  // namespace kgraph::cli
