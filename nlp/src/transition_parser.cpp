#include "transition_parser.h"

#include <algorithm>
#include <array>
#include <limits>
#include <random>

#include "feature_hash.h"
#include "shuffle.h"

namespace kgraph::nlp {
namespace {

// Actions are numbered SHIFT, then LEFT with each label, then RIGHT with each label.
constexpr int kShift = 0;
int LeftAction(int label) { return 1 + label; }
int RightAction(int label, int num_labels) { return 1 + num_labels + label; }
int NumActions(int num_labels) { return 1 + 2 * num_labels; }

// From the second iteration on, training follows the model's own choice with
// this probability (in tenths) rather than an optimal one.
constexpr std::uint32_t kExploreTenths = 9;
// The parser's share of the model file (at most 15 MB in all). Without a
// limit its table is over 20 MB, mostly features seen in a sentence or two.
constexpr std::size_t kMaxTableBytes = 12'800'000;

// The configuration: a stack whose bottom is the root (index n), a buffer of
// the words not yet shifted, and the arcs built so far with the nearest
// children of every word, which the features read.
class ParseState {
public:
    explicit ParseState(int n)
        : n_(n),
          heads_(n, -1),
          labels_(n, -1),
          left1_(n + 1, -1),
          left2_(n + 1, -1),
          right1_(n + 1, -1),
          right2_(n + 1, -1),
          num_left_(n + 1, 0),
          num_right_(n + 1, 0),
          left_labels_(n + 1, 0),
          right_labels_(n + 1, 0) {
        stack_.push_back(n);
    }

    int n() const { return n_; }
    bool Terminal() const { return buffer_ == n_ && stack_.size() == 1; }
    bool CanShift() const { return buffer_ < n_; }
    bool CanLeft() const { return stack_.size() >= 2 && buffer_ < n_; }
    // The root takes its dependent last, so that it has exactly one.
    bool CanRight() const { return stack_.size() >= 2 && (Stack(1) != n_ || buffer_ == n_); }
    bool RightAttachesToRoot() const { return Stack(1) == n_; }

    // The i-th item from the stack top, or -1.
    int Stack(std::size_t i) const { return i < stack_.size() ? stack_[stack_.size() - 1 - i] : -1; }
    // The i-th word of the buffer, or -1.
    int Buffer(int i) const { return buffer_ + i < n_ ? buffer_ + i : -1; }
    const std::vector<int>& stack() const { return stack_; }

    // Children and arcs of word (or root) x; -1 and 0 for x == -1.
    int Left1(int x) const { return x < 0 ? -1 : left1_[x]; }
    int Left2(int x) const { return x < 0 ? -1 : left2_[x]; }
    int Right1(int x) const { return x < 0 ? -1 : right1_[x]; }
    int Right2(int x) const { return x < 0 ? -1 : right2_[x]; }
    int NumLeft(int x) const { return x < 0 ? 0 : num_left_[x]; }
    int NumRight(int x) const { return x < 0 ? 0 : num_right_[x]; }
    std::uint64_t LeftLabels(int x) const { return x < 0 ? 0 : left_labels_[x]; }
    std::uint64_t RightLabels(int x) const { return x < 0 ? 0 : right_labels_[x]; }
    int Label(int x) const { return x < 0 || x == n_ ? -1 : labels_[x]; }

    void Apply(int action, int num_labels) {
        if (action == kShift) {
            stack_.push_back(buffer_++);
        } else if (action <= num_labels) {
            AddArc(buffer_, PopStack(), action - 1);
        } else {
            const int dependent = PopStack();
            AddArc(stack_.back(), dependent, action - 1 - num_labels);
        }
    }

    DependencyTree Tree() const {
        DependencyTree tree{heads_, labels_};
        for (int& head : tree.heads) {
            if (head == n_) head = -1;
        }
        return tree;
    }

private:
    int PopStack() {
        const int top = stack_.back();
        stack_.pop_back();
        return top;
    }

    void AddArc(int head, int dependent, int label) {
        heads_[dependent] = head;
        labels_[dependent] = label;
        const std::uint64_t label_bit = std::uint64_t{1} << (label % 64);
        if (dependent < head) {
            // Arc-hybrid attaches a word's left children from the nearest outwards.
            left2_[head] = left1_[head];
            left1_[head] = dependent;
            ++num_left_[head];
            left_labels_[head] |= label_bit;
        } else {
            // ... and its right children from the nearest outwards too.
            right2_[head] = right1_[head];
            right1_[head] = dependent;
            ++num_right_[head];
            right_labels_[head] |= label_bit;
        }
    }

    int n_;
    std::vector<int> stack_;
    int buffer_ = 0;
    std::vector<int> heads_, labels_;
    std::vector<int> left1_, left2_, right1_, right2_, num_left_, num_right_;
    std::vector<std::uint64_t> left_labels_, right_labels_;
};

constexpr int kNumFeatures = 92;
using Features = std::array<std::uint64_t, kNumFeatures>;
static_assert(kNumFeatures <= WeightTable::kMaxBatch);

constexpr std::uint64_t kNoWord = 0x5eed, kRootWord = 0x1007;
constexpr std::uint64_t kNoTag = 2000, kRootTag = 2001;
constexpr std::uint64_t kNoLabel = 2999, kLabelBase = 3000;

// What the features read of one position of the configuration.
struct Slot {
    std::uint64_t word;
    std::uint64_t tag;
    std::uint64_t label;
    std::uint64_t word_tag;
};

Slot SlotAt(const ParseState& state, const std::vector<WordKeys>& words, const std::vector<int>& tags, int i) {
    if (i < 0) return {kNoWord, kNoTag, kNoLabel, Combine(kNoWord, kNoTag)};
    if (i == state.n()) return {kRootWord, kRootTag, kNoLabel, Combine(kRootWord, kRootTag)};
    const int label = state.Label(i);
    const std::uint64_t tag = static_cast<std::uint64_t>(tags[i]);
    return {words[i].norm, tag, label < 0 ? kNoLabel : kLabelBase + label, Combine(words[i].norm, tag)};
}

constexpr auto kSeeds = [] {
    std::array<std::uint64_t, kNumFeatures> seeds{};
    for (int id = 0; id < kNumFeatures; ++id) seeds[id] = TemplateSeed(id);
    return seeds;
}();

// How many of ParserFeatures' templates read one value (word, tag or label)
// of one position: its calls of add_one.
constexpr int kNumSingleValue = 38;

// The keys of the single-value templates by position, hashed on first use:
// a word stays in reach of the same template (b0, s0, a child of s0) for
// several moves, and what such a template reads of it never changes (its
// label is read only once it has one). 38 of a move's 92 keys.
class SingleValueKeys {
public:
    // Positions -1 (none) to n (the root).
    explicit SingleValueKeys(int n) : keys_(static_cast<std::size_t>(n + 2) * kNumSingleValue, 0) {}

    // The key of feature template `id`, the `single`-th single-value one,
    // reading `value` of `position`.
    [[gnu::always_inline]] std::uint64_t Key(int id, int single, int position, std::uint64_t value) {
        // 0 marks a key not yet hashed: SeededFeatureKey never returns it.
        std::uint64_t& key =
            keys_[static_cast<std::size_t>(position + 1) * kNumSingleValue + static_cast<std::size_t>(single)];
        if (key == 0) key = SeededFeatureKey(kSeeds[id], value);
        return key;
    }

private:
    std::vector<std::uint64_t> keys_;
};

// Zhang & Nivre (2011)'s templates, for the arc-hybrid stack and buffer: s1
// matters as much as b0, since RIGHT attaches s0 to s1.
Features ParserFeatures(const ParseState& state, const std::vector<WordKeys>& words, const std::vector<int>& tags,
                        SingleValueKeys& single) {
    const int s0i = state.Stack(0), s1i = state.Stack(1), s2i = state.Stack(2);
    const int b0i = state.Buffer(0), b1i = state.Buffer(1), b2i = state.Buffer(2);
    const int s0l1i = state.Left1(s0i), s0l2i = state.Left2(s0i), s0r1i = state.Right1(s0i), s0r2i = state.Right2(s0i);
    const int s1l1i = state.Left1(s1i), s1r1i = state.Right1(s1i), s1r2i = state.Right2(s1i);
    const int b0l1i = state.Left1(b0i), b0l2i = state.Left2(b0i);
    auto at = [&](int i) { return SlotAt(state, words, tags, i); };
    const Slot s0 = at(s0i), s1 = at(s1i), s2 = at(s2i);
    const Slot b0 = at(b0i), b1 = at(b1i), b2 = at(b2i);
    const Slot s0l1 = at(s0l1i), s0l2 = at(s0l2i), s0r1 = at(s0r1i), s0r2 = at(s0r2i);
    const Slot s1l1 = at(s1l1i), s1r1 = at(s1r1i), s1r2 = at(s1r2i);
    const Slot b0l1 = at(b0l1i), b0l2 = at(b0l2i);
    auto distance = [&](int a, int b) -> std::uint64_t {
        if (a < 0 || b < 0 || a == state.n() || b == state.n()) return 0;
        return static_cast<std::uint64_t>(std::min(std::abs(b - a), 5));
    };
    const std::uint64_t d_s0b0 = distance(s0i, b0i), d_s1s0 = distance(s1i, s0i);

    Features f;
    int n = 0, singles = 0;
    // Inlined, so that the 92 keys' hashing overlaps instead of waiting on calls.
    auto add = [&](std::uint64_t a, std::uint64_t b = 0, std::uint64_t c = 0) __attribute__((always_inline)) {
        f[n] = SeededFeatureKey(kSeeds[n], a, b, c);  // FeatureKey(n, a, b, c)
        ++n;
    };
    auto add_one = [&](int position, std::uint64_t value) __attribute__((always_inline)) {
        f[n] = single.Key(n, singles++, position, value);
        ++n;
    };
    // Single positions.
    add_one(s0i, s0.word); add_one(s0i, s0.tag); add_one(s0i, s0.word_tag);
    add_one(s1i, s1.word); add_one(s1i, s1.tag); add_one(s1i, s1.word_tag);
    add_one(s2i, s2.word); add_one(s2i, s2.tag);
    add_one(b0i, b0.word); add_one(b0i, b0.tag); add_one(b0i, b0.word_tag);
    add_one(b1i, b1.word); add_one(b1i, b1.tag); add_one(b1i, b1.word_tag);
    add_one(b2i, b2.word); add_one(b2i, b2.tag);
    // Pairs.
    add(s0.word_tag, b0.word_tag); add(s0.word_tag, b0.word); add(s0.word, b0.word_tag);
    add(s0.word_tag, b0.tag); add(s0.tag, b0.word_tag); add(s0.word, b0.word); add(s0.tag, b0.tag);
    add(b0.tag, b1.tag);
    add(s1.word_tag, s0.word_tag); add(s1.word_tag, s0.word); add(s1.word, s0.word_tag);
    add(s1.word_tag, s0.tag); add(s1.tag, s0.word_tag); add(s1.word, s0.word); add(s1.tag, s0.tag);
    add(s1.tag, b0.tag); add(s1.word, b0.word);
    // Triples of tags.
    add(b0.tag, b1.tag, b2.tag); add(s0.tag, b0.tag, b1.tag); add(s1.tag, s0.tag, b0.tag);
    add(s2.tag, s1.tag, s0.tag); add(s1.tag, s0.tag, b1.tag);
    add(s0.tag, s0l1.tag, b0.tag); add(s0.tag, s0r1.tag, b0.tag); add(s0.tag, b0.tag, b0l1.tag);
    add(s1.tag, s1r1.tag, s0.tag); add(s1.tag, s1l1.tag, s0.tag);
    add(s1.tag, s0.tag, s0l1.tag); add(s1.tag, s0.tag, s0r1.tag);
    // Distances.
    add(s0.word, d_s0b0); add(s0.tag, d_s0b0); add(b0.word, d_s0b0); add(b0.tag, d_s0b0);
    add(s0.tag, b0.tag, d_s0b0);
    add(s1.word, d_s1s0); add(s0.word, d_s1s0); add(s1.tag, s0.tag, d_s1s0);
    // Valency.
    add(s0.word, state.NumLeft(s0i)); add(s0.tag, state.NumLeft(s0i));
    add(s0.word, state.NumRight(s0i)); add(s0.tag, state.NumRight(s0i));
    add(b0.word, state.NumLeft(b0i)); add(b0.tag, state.NumLeft(b0i));
    add(s1.word, state.NumRight(s1i)); add(s1.tag, state.NumRight(s1i));
    // Children.
    add_one(s0l1i, s0l1.word); add_one(s0l1i, s0l1.tag); add_one(s0l1i, s0l1.label);
    add_one(s0r1i, s0r1.word); add_one(s0r1i, s0r1.tag); add_one(s0r1i, s0r1.label);
    add_one(s0l2i, s0l2.tag); add_one(s0l2i, s0l2.label); add_one(s0r2i, s0r2.tag); add_one(s0r2i, s0r2.label);
    add_one(b0l1i, b0l1.word); add_one(b0l1i, b0l1.tag); add_one(b0l1i, b0l1.label);
    add_one(b0l2i, b0l2.tag); add_one(b0l2i, b0l2.label);
    add_one(s1r1i, s1r1.word); add_one(s1r1i, s1r1.tag); add_one(s1r1i, s1r1.label);
    add_one(s1l1i, s1l1.tag); add_one(s1l1i, s1l1.label); add_one(s1r2i, s1r2.tag); add_one(s1r2i, s1r2.label);
    add(s0.tag, s0l1.label, s0l2.label); add(s0.tag, s0r1.label, s0r2.label);
    add(b0.tag, b0l1.label, b0l2.label); add(s1.tag, s1r1.label, s1r2.label);
    // Label sets.
    add(s0.word_tag, state.LeftLabels(s0i)); add(s0.word_tag, state.RightLabels(s0i));
    add(b0.word_tag, state.LeftLabels(b0i)); add(s1.word_tag, state.RightLabels(s1i));
    add(s1.word_tag, state.LeftLabels(s1i));
    return f;
}

// The valid action with the highest score; ties go to the lowest action.
// LEFT never takes the root label; RIGHT takes it exactly when it attaches
// to the root. The valid actions are a few runs of consecutive numbers,
// scanned in order with the best score so far kept at hand.
int BestValid(const ParseState& state, const std::int32_t* scores, int num_labels, int root_label) {
    struct Run {
        int begin, end;
    };
    std::array<Run, 5> runs;
    int num_runs = 0;
    auto add_run = [&](int begin, int end) {
        if (begin < end) runs[static_cast<std::size_t>(num_runs++)] = {begin, end};
    };
    if (state.CanShift()) add_run(kShift, kShift + 1);
    if (state.CanLeft()) {
        add_run(LeftAction(0), LeftAction(root_label));
        add_run(LeftAction(root_label + 1), LeftAction(num_labels));
    }
    if (state.CanRight()) {
        if (state.RightAttachesToRoot()) {
            add_run(RightAction(root_label, num_labels), RightAction(root_label + 1, num_labels));
        } else {
            add_run(RightAction(0, num_labels), RightAction(root_label, num_labels));
            add_run(RightAction(root_label + 1, num_labels), RightAction(num_labels, num_labels));
        }
    }
    if (num_runs == 0) return -1;
    int best = runs[0].begin;
    std::int32_t best_score = scores[best];
    for (int r = 0; r < num_runs; ++r) {
        for (int action = runs[static_cast<std::size_t>(r)].begin; action < runs[static_cast<std::size_t>(r)].end; ++action) {
            if (scores[action] > best_score) {
                best_score = scores[action];
                best = action;
            }
        }
    }
    return best;
}

// The only valid action, or -1 when there is a choice: the first move (the
// stack holds the root alone) and the last (the root takes its dependent)
// need no scoring.
int ForcedAction(const ParseState& state, int num_labels, int root_label) {
    if (!state.CanLeft() && !state.CanRight()) return kShift;
    if (!state.CanShift() && state.RightAttachesToRoot()) return RightAction(root_label, num_labels);
    return -1;
}

// Goldberg & Nivre (2013)'s arc-hybrid costs: how many gold arcs each move
// makes unreachable. `gold` has the root as n. Exact for projective trees; for
// non-projective ones the moves of least cost are followed.
class Oracle {
public:
    explicit Oracle(const DependencyTree& gold) : gold_heads_(gold.heads), gold_labels_(gold.labels) {
        const int n = static_cast<int>(gold_heads_.size());
        for (int& head : gold_heads_) {
            if (head < 0) head = n;
        }
    }

    // The actions of least cost in `state`.
    std::vector<int> Optimal(const ParseState& state, int num_labels, int root_label) const {
        constexpr int kInvalid = std::numeric_limits<int>::max();
        const int shift = state.CanShift() ? ShiftCost(state) : kInvalid;
        const int left = state.CanLeft() ? LeftCost(state) : kInvalid;
        const int right = state.CanRight() ? RightCost(state) : kInvalid;
        const int least = std::min({shift, left, right});
        std::vector<int> actions;
        if (shift == least) actions.push_back(kShift);
        const int s0 = state.Stack(0);
        if (left == least) {
            // The label matters only when the arc is a gold one.
            const bool gold_arc = gold_heads_[s0] == state.Buffer(0);
            for (int label = 0; label < num_labels; ++label) {
                if (label != root_label && (!gold_arc || label == gold_labels_[s0])) actions.push_back(LeftAction(label));
            }
        }
        if (right == least) {
            const bool gold_arc = gold_heads_[s0] == state.Stack(1);
            for (int label = 0; label < num_labels; ++label) {
                const bool allowed = state.RightAttachesToRoot() ? label == root_label
                                                                 : label != root_label && (!gold_arc || label == gold_labels_[s0]);
                if (allowed) actions.push_back(RightAction(label, num_labels));
            }
        }
        return actions;
    }

private:
    int GoldDependentsInBuffer(const ParseState& state, int head) const {
        int count = 0;
        for (int d = state.Buffer(0); d >= 0 && d < state.n(); ++d) count += gold_heads_[d] == head;
        return count;
    }

    // b0 goes onto the stack: it can no longer take a head below s0, nor any
    // stack word as a dependent.
    int ShiftCost(const ParseState& state) const {
        const int b0 = state.Buffer(0);
        const std::vector<int>& stack = state.stack();
        int cost = 0;
        for (std::size_t i = 0; i < stack.size(); ++i) {
            const int k = stack[i];
            if (i + 1 < stack.size() && gold_heads_[b0] == k) ++cost;
            if (k < state.n() && gold_heads_[k] == b0) ++cost;
        }
        return cost;
    }

    // s0 takes b0 as head: it loses its dependents still in the buffer, and a
    // head that is s1 or further in the buffer.
    int LeftCost(const ParseState& state) const {
        const int s0 = state.Stack(0), b0 = state.Buffer(0);
        const int head = gold_heads_[s0];
        const bool head_lost = head != b0 && (head == state.Stack(1) || (head > b0 && head < state.n()));
        return GoldDependentsInBuffer(state, s0) + head_lost;
    }

    // s0 takes s1 as head: it loses its dependents still in the buffer, and a head there.
    int RightCost(const ParseState& state) const {
        const int s0 = state.Stack(0);
        const int head = gold_heads_[s0];
        const bool head_lost = head != state.Stack(1) && head >= state.Buffer(0) && state.Buffer(0) >= 0 && head < state.n();
        return GoldDependentsInBuffer(state, s0) + head_lost;
    }

    std::vector<int> gold_heads_;
    std::vector<int> gold_labels_;
};

int RootLabel(const std::vector<std::string>& labels) {
    return static_cast<int>(std::find(labels.begin(), labels.end(), "root") - labels.begin());
}

}  // namespace

TransitionParser::TransitionParser(std::vector<std::string> labels, WeightTable weights)
    : labels_(std::move(labels)), root_label_(RootLabel(labels_)), weights_(std::move(weights)) {}

DependencyTree TransitionParser::Parse(const std::vector<WordKeys>& words, const std::vector<int>& tags) const {
    const int num_labels = static_cast<int>(labels_.size());
    ParseState state(static_cast<int>(words.size()));
    SingleValueKeys single(state.n());
    std::vector<std::int32_t> scores(NumActions(num_labels));
    while (!state.Terminal()) {
        int action = ForcedAction(state, num_labels, root_label_);
        if (action < 0) {
            std::fill(scores.begin(), scores.end(), 0);
            weights_.AddScores(ParserFeatures(state, words, tags, single), scores.data());
            action = BestValid(state, scores.data(), num_labels, root_label_);
        }
        state.Apply(action, num_labels);
    }
    return state.Tree();
}

void TransitionParser::Write(ByteWriter& out) const {
    out.U32(static_cast<std::uint32_t>(labels_.size()));
    for (const std::string& label : labels_) out.String(label);
    weights_.Write(out);
}

bool TransitionParser::Read(ByteReader& in, TransitionParser* parser) {
    std::uint32_t num_labels = 0;
    // Label sets are kept in 64-bit masks.
    if (!in.U32(&num_labels) || num_labels == 0 || num_labels > 64) return false;
    std::vector<std::string> labels(num_labels);
    for (std::string& label : labels) {
        if (!in.String(&label)) return false;
    }
    if (RootLabel(labels) == static_cast<int>(num_labels)) return false;
    WeightTable weights;
    if (!WeightTable::Read(in, &weights) || weights.num_classes() != NumActions(static_cast<int>(num_labels))) return false;
    *parser = TransitionParser(std::move(labels), std::move(weights));
    return true;
}

TransitionParser TrainTransitionParser(const std::vector<std::string>& labels, const std::vector<ParserExample>& examples,
                                       int iterations, std::uint32_t seed, const ParserProgress& progress) {
    const int num_labels = static_cast<int>(labels.size());
    const int root_label = RootLabel(labels);
    PerceptronTrainer trainer(NumActions(num_labels));
    std::vector<std::size_t> order(examples.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 rng(seed);
    std::vector<std::int32_t> scores(NumActions(num_labels));
    for (int iteration = 0; iteration < iterations; ++iteration) {
        DeterministicShuffle(order, rng);
        for (std::size_t index : order) {
            const ParserExample& example = examples[index];
            const Oracle oracle(example.gold);
            ParseState state(static_cast<int>(example.words.size()));
            SingleValueKeys single(state.n());
            while (!state.Terminal()) {
                const Features features = ParserFeatures(state, example.words, example.tags, single);
                std::fill(scores.begin(), scores.end(), 0);
                trainer.AddScores(features, scores.data());
                const int guess = BestValid(state, scores.data(), num_labels, root_label);
                const std::vector<int> optimal = oracle.Optimal(state, num_labels, root_label);
                int best_optimal = optimal.front();
                for (int action : optimal) {
                    if (scores[action] > scores[best_optimal]) best_optimal = action;
                }
                const bool guess_optimal = std::find(optimal.begin(), optimal.end(), guess) != optimal.end();
                trainer.Update(features, guess_optimal ? guess : best_optimal, guess);
                const bool explore = iteration > 0 && rng() % 10 < kExploreTenths;
                state.Apply(guess_optimal || explore ? guess : best_optimal, num_labels);
            }
        }
        if (progress) progress(iteration + 1, TransitionParser(labels, trainer.Averaged(kMaxTableBytes)));
    }
    return TransitionParser(labels, trainer.Averaged(kMaxTableBytes));
}

}  // namespace kgraph::nlp
