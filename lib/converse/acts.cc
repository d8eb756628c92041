// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "converse/acts.h"

#include <algorithm>
#include <array>

#include "absl/strings/str_cat.h"
#include "re2/re2.h"
#include "re2/set.h"
#include "text/fold.h"

namespace chatcart::converse {
namespace {

constexpr std::array<std::string_view, kActKindCount> kNames = {
    "cheaper",      "pricier",     "other_brand", "something_else", "exclude",
    "more_like",    "more_of",     "less_of",     "ref_cheapest",   "ref_priciest",
    "ref_best",     "choose",      "question",    "compare",        "which",
    "ask_shipping", "ask_returns", "ask_hours",   "ask_payment",    "hello",
    "thanks",       "bye",         "are_you_bot", "wait",           "never_mind",
    "frustration",  "human",       "correction",  "no_preference",  "start_over",
    "done",         "checkout",    "cart_total",  "remove_all",
};

bool Overlaps(const Act& a, const Act& b) { return a.start < b.end && b.start < a.end; }

// The plain word at `pos` (after spaces) and where it ends.
std::string_view WordAt(std::string_view plain, size_t* pos) {
  while (*pos < plain.size() && plain[*pos] == ' ') ++*pos;
  const size_t begin = *pos;
  while (*pos < plain.size() && plain[*pos] != ' ') ++*pos;
  return plain.substr(begin, *pos - begin);
}

// "Je voudrais imprimer", "vorrei regalare", "I want to print": a word of
// wanting, `span` in `plain`, followed by something to do that is not
// buying, wants to do it; it chooses no product.
bool WantsToDo(std::string_view plain, const Act& act) {
  const std::string_view span =
      plain.substr(static_cast<size_t>(act.start), static_cast<size_t>(act.end - act.start));
  const size_t space = span.rfind(' ');
  const std::string_view last = space == std::string_view::npos ? span : span.substr(space + 1);
  static constexpr std::string_view kWanting[] = {"want",   "like", "wanna",    "voglio",
                                                  "vorrei", "veux", "voudrais", "aimerais"};
  if (std::find(std::begin(kWanting), std::end(kWanting), last) == std::end(kWanting)) return false;
  size_t pos = static_cast<size_t>(act.end);
  std::string_view next = WordAt(plain, &pos);
  static constexpr std::string_view kBuying[] = {
      "buy",      "get",        "take",       "have",      "order",     "add",
      "grab",     "pick",       "choose",     "go",        "prendere",  "comprare",
      "ordinare", "aggiungere", "acquistare", "prendre",   "acheter",   "commander",
      "ajouter",  "avoir",      "prenderla",  "prenderlo", "comprarla", "comprarlo"};
  auto buying = [&](std::string_view w) {
    return std::find(std::begin(kBuying), std::end(kBuying), w) != std::end(kBuying);
  };
  if (next == "to") return !buying(WordAt(plain, &pos));
  // Italian and French infinitives; a few words that only look like one.
  static constexpr std::string_view kNotVerbs[] = {"votre", "notre",   "autre", "noir",   "noire",
                                                   "livre", "plaisir", "altre", "centre", "lettre"};
  if (std::find(std::begin(kNotVerbs), std::end(kNotVerbs), next) != std::end(kNotVerbs))
    return false;
  const bool infinitive =
      next.size() > 4 && (next.ends_with("are") || next.ends_with("ere") || next.ends_with("ire") ||
                          next.ends_with("er") || next.ends_with("ir") || next.ends_with("re"));
  return infinitive && !buying(next);
}

}  // namespace

std::string_view ActKindName(ActKind kind) { return kNames[static_cast<int>(kind)]; }

std::optional<ActKind> ParseActKind(std::string_view name) {
  for (int i = 0; i < kActKindCount; ++i) {
    if (kNames[i] == name) return static_cast<ActKind>(i);
  }
  return std::nullopt;
}

std::string PlainText(std::string_view text) {
  std::string folded = text::Fold(text, {.strip_accents = true});
  std::string plain;
  plain.reserve(folded.size());
  bool space = true;  // no leading space
  for (unsigned char c : folded) {
    const bool keep = c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      plain.push_back(static_cast<char>(c));
      space = false;
    } else if (c == '?') {
      if (!space) plain.push_back(' ');
      plain.push_back('?');
      plain.push_back(' ');
      space = true;
    } else if (!space) {
      plain.push_back(' ');
      space = true;
    }
  }
  while (!plain.empty() && plain.back() == ' ') plain.pop_back();
  return ExpandChat(plain);
}

std::string ExpandChat(std::string_view plain) {
  // Chat spellings, word by word, to what the patterns are written for.
  struct Spelling {
    std::string_view chat, full;
  };
  static constexpr Spelling kSpellings[] = {
      {"nn", "non"},
      {"cmq", "comunque"},
      {"xke", "perche"},
      {"xche", "perche"},
      {"perke", "perche"},
      {"qlc", "qualche"},
      {"qlcs", "qualcosa"},
      {"pls", "please"},
      {"plz", "please"},
      {"u", "you"},
      {"r", "are"},
      {"ur", "your"},
      {"im", "i m"},
      {"dont", "don t"},
      {"doesnt", "doesn t"},
      {"cant", "can t"},
      {"wont", "won t"},
      {"isnt", "isn t"},
      {"whats", "what s"},
      {"hows", "how s"},
      {"thats", "that s"},
      {"ive", "i ve"},
      {"youre", "you re"},
      {"id", "i d"},
      {"ill", "i ll"},
      {"jsp", "je sais pas"},
      {"chui", "je suis"},
      {"qqch", "quelque chose"},
      {"qqc", "quelque chose"},
      {"stp", "s il te plait"},
      {"svp", "s il vous plait"},
      {"tjrs", "toujours"},
      {"bcp", "beaucoup"},
      {"pk", "pourquoi"},
      {"pq", "pourquoi"},
      {"ya", "il y a"},
      {"cest", "c est"},
      {"jai", "j ai"},
      {"thx", "thanks"},
      {"tks", "thanks"},
      {"ty", "thanks"},
      {"gg", "grazie"},
      {"ke", "che"},
  };
  std::string out;
  out.reserve(plain.size() + 8);
  size_t pos = 0;
  while (pos <= plain.size()) {
    size_t end = plain.find(' ', pos);
    if (end == std::string_view::npos) end = plain.size();
    std::string_view word = plain.substr(pos, end - pos);
    for (const Spelling& s : kSpellings) {
      if (word == s.chat) {
        word = s.full;
        break;
      }
    }
    if (!out.empty()) out.push_back(' ');
    out.append(word);
    pos = end + 1;
  }
  return out;
}

struct ActDetector::Rep {
  std::vector<ActPattern> patterns;
  std::vector<std::unique_ptr<RE2>> regexes;
  std::unique_ptr<RE2::Set> set;
  std::array<bool, kActKindCount> enabled{};
};

ActDetector::ActDetector(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
ActDetector::~ActDetector() = default;

const ActDetector& ActDetector::Builtin() {
  static const ActDetector* detector = [] {
    absl::StatusOr<std::unique_ptr<const ActDetector>> made = Create({}, {});
    // The built-in patterns are tested to compile (acts_test.cc).
    return made.ok() ? made->release() : nullptr;
  }();
  return *detector;
}

absl::StatusOr<std::unique_ptr<const ActDetector>> ActDetector::Create(
    const std::vector<ActPattern>& extra, const std::vector<ActKind>& disabled) {
  auto rep = std::make_unique<Rep>();
  rep->enabled.fill(true);
  for (ActKind kind : disabled) rep->enabled[static_cast<int>(kind)] = false;
  RE2::Options options;
  options.set_log_errors(false);
  options.set_max_mem(8 << 20);
  rep->set = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  auto add = [&](const ActPattern& pattern) -> absl::Status {
    if (!rep->enabled[static_cast<int>(pattern.kind)]) return absl::OkStatus();
    auto regex = std::make_unique<RE2>(pattern.regex, options);
    std::string error;
    if (!regex->ok() || rep->set->Add(pattern.regex, &error) < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("act \"", std::string(ActKindName(pattern.kind)), "\": pattern \"",
                       pattern.regex, "\" does not compile: ", regex->error()));
    }
    rep->patterns.push_back(pattern);
    rep->regexes.push_back(std::move(regex));
    return absl::OkStatus();
  };
  for (const ActPattern& p : BuiltinActPatterns()) {
    if (absl::Status s = add(p); !s.ok()) return s;
  }
  for (const ActPattern& p : extra) {
    if (absl::Status s = add(p); !s.ok()) return s;
  }
  if (!rep->set->Compile()) {
    return absl::ResourceExhaustedError("conversation act patterns do not fit in memory");
  }
  return std::unique_ptr<const ActDetector>(new ActDetector(std::move(rep)));
}

bool ActDetector::enabled(ActKind kind) const { return rep_->enabled[static_cast<int>(kind)]; }

void ActDetector::Detect(std::string_view text, std::vector<Act>* acts) const {
  DetectPlain(PlainText(text), acts);
}

void ActDetector::DetectPlain(std::string_view plain, std::vector<Act>* acts) const {
  acts->clear();
  std::vector<int> matched;
  if (!rep_->set->Match(re2::StringPiece(plain.data(), plain.size()), &matched)) return;
  std::sort(matched.begin(), matched.end());
  std::array<bool, kActKindCount> seen{};
  for (int index : matched) {
    const ActPattern& pattern = rep_->patterns[index];
    const int kind = static_cast<int>(pattern.kind);
    const RE2& regex = *rep_->regexes[index];
    re2::StringPiece groups[2];
    const int n = std::min(regex.NumberOfCapturingGroups() + 1, 2);
    if (!regex.Match(re2::StringPiece(plain.data(), plain.size()), 0, plain.size(), RE2::UNANCHORED,
                     groups, n)) {
      continue;
    }
    std::string arg = pattern.arg;
    // Argument patterns name it in their only group; others group words.
    if (arg.empty() && n == 2 && groups[1].data() != nullptr &&
        (pattern.kind == ActKind::kExclude || pattern.kind == ActKind::kMoreOf ||
         pattern.kind == ActKind::kLessOf)) {
      arg = std::string(groups[1].data(), groups[1].size());
    }
    if (seen[kind]) {
      // A second phrasing of the same act adds nothing, unless the first
      // had only a word for an argument and this one names a preference.
      if (!pattern.arg.empty()) {
        for (Act& act : *acts) {
          if (act.kind == pattern.kind) act.arg = pattern.arg;
        }
      }
      continue;
    }
    seen[kind] = true;
    Act act;
    act.kind = pattern.kind;
    act.start = static_cast<int>(groups[0].data() - plain.data());
    act.end = act.start + static_cast<int>(groups[0].size());
    act.arg = std::move(arg);
    acts->push_back(std::move(act));
  }
  // Overlaps: a reference is no critique ("the cheaper one"); "nothing
  // else" is no request for more; "more like" is no "more of".
  auto drop = [&](ActKind loser, ActKind winner) {
    const Act* w = nullptr;
    for (const Act& a : *acts) {
      if (a.kind == winner) w = &a;
    }
    if (w == nullptr) return;
    const Act keep = *w;
    acts->erase(std::remove_if(acts->begin(), acts->end(),
                               [&](const Act& a) { return a.kind == loser && Overlaps(a, keep); }),
                acts->end());
  };
  // "Nient'altro?" asks for more; only "nient'altro" declines.
  for (Act& act : *acts) {
    if (act.kind == ActKind::kDone && plain.find('?', act.end) != std::string_view::npos) {
      act.kind = ActKind::kSomethingElse;
      bool twice = false;
      for (const Act& other : *acts)
        twice = twice || (&other != &act && other.kind == ActKind::kSomethingElse);
      if (twice) act.kind = ActKind::kDone, act.start = act.end = -1;
    }
  }
  acts->erase(std::remove_if(acts->begin(), acts->end(),
                             [&](const Act& a) {
                               return a.start < 0 ||
                                      (a.kind == ActKind::kChoose && WantsToDo(plain, a));
                             }),
              acts->end());
  drop(ActKind::kCheaper, ActKind::kRefCheapest);
  drop(ActKind::kPricier, ActKind::kRefPriciest);
  drop(ActKind::kPricier, ActKind::kRefBest);
  drop(ActKind::kSomethingElse, ActKind::kDone);
  drop(ActKind::kExclude, ActKind::kDone);
  drop(ActKind::kMoreOf, ActKind::kMoreLike);
  drop(ActKind::kMoreOf, ActKind::kCheaper);
  drop(ActKind::kMoreOf, ActKind::kPricier);
  drop(ActKind::kLessOf, ActKind::kCheaper);
  drop(ActKind::kNeverMind, ActKind::kNoPreference);
  // "Are you a real person?" asks about the bot; it asks for no person.
  drop(ActKind::kHuman, ActKind::kAreYouBot);
  std::sort(acts->begin(), acts->end(), [](const Act& a, const Act& b) { return a.kind < b.kind; });
}

bool HasAct(const std::vector<Act>& acts, ActKind kind, std::string* arg) {
  for (const Act& act : acts) {
    if (act.kind != kind) continue;
    if (arg != nullptr) *arg = act.arg;
    return true;
  }
  return false;
}

}  // namespace chatcart::converse
