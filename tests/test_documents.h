// A Document made from a test's text, as ReadDocument would make it from a
// file: shared by the extractor's end-to-end and per-stage tests.
#pragma once

#include <string>

#include "kgraph/model.h"

namespace kgraph::test {

inline Document Doc(const std::string& text) {
    Document d;
    d.id = DocumentId(text);
    d.source = "test";
    d.text = text;
    return d;
}

}  // namespace kgraph::test
