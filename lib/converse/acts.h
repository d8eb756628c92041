// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversation acts: the moves shoppers make around a store's own intents,
// in English, Italian and French, typed as shoppers type ("anything
// cheaper?", "niente lego", "la prima me la metti", "ça coûte combien par
// photo ?", "actually she's 9", "this is useless"). The detector only says
// which acts a text holds, with their spans and arguments; the dialogue
// decides what they mean in the context of the turn (what was just asked,
// what was just shown), so "the cheaper one" is a reference after a list and
// nothing at all before one.
//
//   const ActDetector& acts = ActDetector::Builtin();
//   std::vector<Act> found;
//   acts.Detect("anything cheaper?", &found);   // {kCheaper}, {kQuestion}
//
// Patterns are RE2 over the text folded, accents stripped, punctuation other
// than '?' turned into spaces ("Qualcos'altro ?" reads "qualcos altro ?").
// Every language's patterns apply to every text: chat mixes languages and
// a first message may be too short to tell. A bundle adds its own phrasings
// (Create with extra patterns); the built-in ones are in act_patterns.cc.
//
// Thread safety: an ActDetector is immutable after Create and safe for
// concurrent use.

#ifndef CHATCART_CONVERSE_ACTS_H_
#define CHATCART_CONVERSE_ACTS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"

namespace chatcart::converse {

// Persisted nowhere: the names (ActKindName) are what bundles and traces use.
enum class ActKind : int {
  // ---- critiques of what was shown
  kCheaper,        // "anything cheaper?", "troppo caro", "moins cher ?"
  kPricier,        // "something better", "più costoso", "haut de gamme"
  kOtherBrand,     // "another brand", "un'altra marca"
  kSomethingElse,  // "something else?", "qualcos'altro?", "autre chose ?"
  kExclude,        // "niente lego", "pas de fusée", "no lego": arg = the word(s)
  kMoreLike,       // "more like the second one" (the ordinal is an entity)
  kMoreOf,         // "more storage", "più leggera": arg = a preference name or word
  kLessOf,         // "less noise", "meno pesante": arg = a preference name or word
  // ---- references and choices among what was shown
  kRefCheapest,    // "the cheaper one", "il più economico", "le moins cher"
  kRefPriciest,    // "the more expensive one", "il più caro"
  kRefBest,        // "the best one", "il migliore", "le meilleur"
  kChoose,         // "I'll go with", "prendo", "je prends", "me la metti"
  // ---- questions
  kQuestion,       // a question cue: '?', "what/which/how", "quanto", "combien"
  kCompare,        // "what's the difference", "compare", "differenza", "comparer"
  kWhich,          // "which is/has ...": a superlative over what was shown
  kAskShipping,    // shipping and delivery
  kAskReturns,     // returns, refunds, exchanges
  kAskHours,       // opening hours
  kAskPayment,     // payment methods
  // ---- small talk and repair
  kHello,
  kThanks,
  kBye,
  kAreYouBot,
  kWait,
  kNeverMind,
  kFrustration,    // "this is useless", "non capisci niente", "c'est nul"
  kHuman,          // asks for a person
  kCorrection,     // "actually", "anzi", "plutôt", "instead"
  kNoPreference,   // "no preference", "indifferente", "peu importe"
  kStartOver,      // "start over", "ricominciamo", "on recommence"
  kDone,           // "nothing else", "that's all", "basta così", "c'est tout"
  // ---- the cart
  kCheckout,       // "let's pay", "paghiamo", "je passe commande"
  kCartTotal,      // "what's my total?", "quanto viene in tutto?", "ça fait combien en tout ?"
  kRemoveAll,      // "remove everything", "togli tutto", "vide le panier"
};

inline constexpr int kActKindCount = static_cast<int>(ActKind::kRemoveAll) + 1;

// "cheaper", "other_brand", ... (snake case of the enumerator).
std::string_view ActKindName(ActKind kind);
std::optional<ActKind> ParseActKind(std::string_view name);

struct Act {
  ActKind kind = ActKind::kQuestion;
  // Byte span in the plain text (PlainText), not in the original.
  int start = 0;
  int end = 0;
  // kExclude: the word(s) excluded; kMoreOf/kLessOf: a named preference
  // ("light", "bigger_screen") or the attribute word(s) said.
  std::string arg;
};

// One phrasing: an RE2 over plain text. A capture group, if any, is the
// act's argument.
struct ActPattern {
  ActKind kind;
  std::string regex;
  // kMoreOf/kLessOf: a fixed argument (a named preference) instead of the
  // capture.
  std::string arg = {};
};

// The text as the patterns see it: folded, accents stripped, every character
// but letters, digits and '?' a space, runs of spaces one; '?' stands apart
// ("qualcos'altro?" -> "qualcos altro ?").
std::string PlainText(std::string_view text);

// Chat spellings in plain text written out ("nn" -> "non", "pls" ->
// "please", "jsp" -> "je sais pas"); PlainText does it already.
std::string ExpandChat(std::string_view plain);

class ActDetector {
 public:
  // The built-in phrasings (act_patterns.cc).
  static const ActDetector& Builtin();

  // The built-in phrasings plus `extra`, and without the kinds in
  // `disabled`. INVALID_ARGUMENT naming the pattern when one does not
  // compile.
  static absl::StatusOr<std::unique_ptr<const ActDetector>> Create(
      const std::vector<ActPattern>& extra, const std::vector<ActKind>& disabled);

  ActDetector(const ActDetector&) = delete;
  ActDetector& operator=(const ActDetector&) = delete;
  ~ActDetector();

  // Replaces *acts with the acts of `text` (original text), at most one per
  // kind, in kind order. Overlaps are resolved: a reference ("the cheaper
  // one") is no critique, "nothing else" is no request for something else.
  void Detect(std::string_view text, std::vector<Act>* acts) const;
  // The same over text already made plain (PlainText).
  void DetectPlain(std::string_view plain, std::vector<Act>* acts) const;

  bool enabled(ActKind kind) const;

 private:
  struct Rep;
  explicit ActDetector(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// The built-in phrasings, for tests and docs.
const std::vector<ActPattern>& BuiltinActPatterns();

// Whether `acts` holds `kind`; its argument in *arg when given.
bool HasAct(const std::vector<Act>& acts, ActKind kind, std::string* arg = nullptr);

}  // namespace chatcart::converse

#endif  // CHATCART_CONVERSE_ACTS_H_
