// A synthetic news corpus for the benchmarks.
//
// A World is a fixed cast of organizations and people; articles are written
// from sentence templates shaped like the seed articles (investments, stakes,
// CEOs, founders, customers, break-ups, competitors, filler, headlines and
// page furniture). Organizations are drawn with Zipf popularity, so a few
// appear in most articles and most appear rarely, as in real news.
//
// Deterministic: an article depends only on (seed, index), never on which
// other articles were generated, so any slice of a corpus can be regenerated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "random.h"

namespace kgraph::bench {

struct Organization {
    std::string name;    // "Vorkanex Labs"
    std::string ticker;  // "VORK", unique
    std::size_t ceo = 0;      // index into World::people
    std::size_t founder = 0;  // index into World::people
};

struct World {
    std::vector<Organization> organizations;  // by popularity rank, most popular first
    std::vector<std::string> people;          // "Maria Okafor"
    ZipfSampler popularity;                   // over organizations
};

World MakeWorld(std::uint64_t seed);

// Appends article number `index` to `out` and returns how many relation
// statements its sentences make (what the templates intend, not what an
// extractor will find).
std::size_t AppendArticle(const World& world, std::uint64_t seed, std::size_t index, std::string& out);

// "0012/0012345.txt": at most 1000 articles per folder, sorted by index.
std::string ArticlePath(std::size_t index);

}  // namespace kgraph::bench
