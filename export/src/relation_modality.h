// Internal to export/: the one summary of a relation that model.h does not
// provide, shared by the DOT label and both JSON formats.
#pragma once

#include <string_view>

#include "kgraph/model.h"

namespace kgraph {

// The modality of the relation's most confident evidence (the first of equals,
// evidence being sorted): "" when that sentence asserts the relation, otherwise
// "planned", "reported"... A relation is only as hedged as its best support.
inline std::string_view RelationModality(const Relation& relation) {
    const Evidence* best = nullptr;
    for (const Evidence& e : relation.evidence) {
        if (!best || e.confidence > best->confidence) best = &e;
    }
    return best ? std::string_view(best->modality) : std::string_view();
}

}  // namespace kgraph
