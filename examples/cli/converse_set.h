// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversation sets for `chatcart converse-eval`: unscripted shopper
// conversations whose turns carry checkable assertions instead of exact
// wording. The format is documented in docs/CONVERSATION_EVAL.md; in short:
//
//   === gift-cheaper-en                 a conversation and its id
//   @store demo                         the bundle's name (bundle.textproto)
//   @lang en                            the shopper's language
//   @tags gift critique                 labels of the conversation
//   > gift for my niece she's 7, under 40
//     kind gift                         labels of the turn (per-kind figures)
//     shows-any toy-fire toy-art        assertions: all must hold
//     shown-all price<=40; category=Toys
//   > anything cheaper?
//     shown-all price<34.99
//
// Every shopper turn also carries the default assertions: it got a reply,
// nothing internal leaked, the replies are in the conversation's language,
// it is not the not-understood fallback, and no reply repeats one of the
// previous turn's word for word (each can be lifted: `allow fallback`).
//
// Uses chatcart's public headers only.

#ifndef CHATCART_EXAMPLES_CLI_CONVERSE_SET_H_
#define CHATCART_EXAMPLES_CLI_CONVERSE_SET_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "chatcart/catalog.h"
#include "chatcart/engine.h"
#include "chatcart/v1/turn.pb.h"

namespace chatcart::cli {

// One checkable statement about a turn's outcome.
struct Assertion {
  enum class Kind {
    // Written in a set.
    kIntent,       // intent A|B            the trace's intent is one of these
    kAct,          // act T|U               some reply came from one of these templates
    kState,        // state flow/state|f/*  the innermost flow/state after the turn
    kShows,        // shows ID...           every id is among the products shown
    kShowsAny,     // shows-any ID...       at least one id is shown
    kHides,        // hides ID...           none of the ids is shown
    kShownCount,   // shown >= 1            how many distinct products were shown
    kShownAll,     // shown-all C; C        something is shown and all of it satisfies C
    kShownNone,    // shown-none C; C       nothing shown satisfies all of C
    kShownNew,     // shown-new             something is shown, none of it shown last time
    kCartHas,      // cart-has C; qty=N     some cart line's product satisfies C
    kCartLacks,    // cart-lacks C          no cart line's product satisfies C
    kCartLines,    // cart-lines N
    kCartItems,    // cart-items N          the sum of the quantities
    kCartTotal,    // cart-total 59.99      the grand total, exactly
    kMentions,     // mentions A|B          some reply says one of these
    kMentionsNot,  // mentions-not A|B      no reply says any of these
    kHandoff,      // handoff               a handoff host action this turn
    kNoHandoff,    // no-handoff
    kOffersHuman,  // offers-human          a person is offered or connected
    kQuickReply,   // quick-reply A|B       a quick reply's title or payload says one
    kSilent,       // silent                no reply at all
    kLang,         // lang it               (overrides the conversation's language)
    // Defaults, on every shopper turn unless lifted.
    kReplied,
    kNoLeak,
    kNotFallback,
    kNoRepeat,
  };
  Kind kind = Kind::kIntent;
  bool negated = false;             // intent/act/state written with "!"
  std::vector<std::string> values;  // alternatives or ids, as written
  std::vector<Constraint> constraints;
  std::optional<int64_t> quantity;  // cart-has qty=N
  CompareOp op = CompareOp::kEq;    // shown, cart-lines, cart-items
  int64_t number = 0;
  std::string total_decimal;  // cart-total, as written
  int line = 0;               // 0 for a default assertion
  std::string text;           // as written ("shown-all price<=40"), or the default's name
};

// The name of an assertion's kind as written ("shown-all", "no-leak").
absl::string_view AssertionName(Assertion::Kind kind);

struct SetTurn {
  int line = 0;
  v1::TurnInput input;  // text, payload or event; time set by the runner
  int wait_minutes = 1;
  std::vector<std::string> kinds;  // `kind` labels
  std::vector<Assertion> assertions;
  std::string lang;  // the language replies must be in ("" = the conversation's)
  bool allow_repeat = false;
  bool allow_fallback = false;
  bool allow_silence = false;  // set by `silent`
};

struct SetConversation {
  std::string id;
  std::string file;
  int line = 0;
  std::string store;  // a bundle name; "" = the only bundle loaded
  std::string lang;
  uint64_t seed = 1;
  std::vector<std::string> tags;
  std::vector<SetTurn> turns;
};

// Parses one set file. INVALID_ARGUMENT naming path:line for a malformed
// line, an unknown directive or assertion, or a conversation without @lang.
absl::StatusOr<std::vector<SetConversation>> ParseConversationSet(const std::string& path,
                                                                  absl::string_view text);

// What the scorer knows of one store, computed once per engine: its
// catalog's product names and descriptions (folded, longest first; they are
// not counted when guessing a reply's language) and its product ids that
// look like ids (with '-', '_' or a digit; shown to a shopper they leak).
class StoreFacts {
 public:
  explicit StoreFacts(std::shared_ptr<const Engine> engine);
  const Engine& engine() const { return *engine_; }
  const Catalog* catalog() const { return engine_->catalog(); }
  const std::vector<std::string>& folded_product_texts() const { return product_texts_; }
  const std::vector<std::string>& folded_ids() const { return ids_; }

 private:
  std::shared_ptr<const Engine> engine_;
  std::vector<std::string> product_texts_;
  std::vector<std::string> ids_;
};

// Checks what a set asserts against the store it runs on, before any turn
// runs: every product id exists in the catalog, every constraint names a
// known field (Catalog::Select accepts it), every intent is the bundle's,
// every total parses in the store's currency, the language is a store
// locale. INVALID_ARGUMENT listing each problem as path:line.
absl::Status ValidateConversation(const SetConversation& conversation, const Engine& engine);

// What the scorer sees of one turn: its result and the state after it.
struct TurnObservation {
  const v1::TurnResult* result = nullptr;
  const Cart* cart = nullptr;  // the session's cart after the turn; null when none
  // The previous turn's reply texts (for no-repeat).
  const std::vector<std::string>* previous_texts = nullptr;
  // The products of the last earlier turn that showed any (for shown-new).
  const std::vector<std::string>* previous_shown = nullptr;
};

struct AssertionFailure {
  const Assertion* assertion = nullptr;
  std::string why;  // what was observed instead
};

// Checks every assertion of `turn` (its own and the defaults) against what
// happened; returns the ones that failed. `conversation_lang` is the
// conversation's @lang.
std::vector<AssertionFailure> CheckTurn(const SetTurn& turn, absl::string_view conversation_lang,
                                        const TurnObservation& observed, const StoreFacts& store);

// Text folded for comparisons: ASCII lower case, Latin accents removed,
// no-break and thin spaces as spaces, typographic apostrophes as '.
std::string FoldForMatch(absl::string_view text);

// Whether `needle` (folded) occurs in `haystack` (folded) at word
// boundaries: "10" is not found in "100" or "10x15".
bool ContainsWord(absl::string_view haystack, absl::string_view needle);

// The language a reply reads as ("en", "it", "fr"), or "" when it is too
// short or unclear. The product names and descriptions of `store` (may be
// null) are not counted: a store's English product names do not make an
// Italian reply English.
std::string GuessReplyLanguage(absl::string_view text, const StoreFacts* store);

// Why a reply shows something internal (a placeholder, a status code, an
// identifier, a product id), or "" when it shows nothing internal.
std::string LeakIn(absl::string_view text, const StoreFacts* store);

}  // namespace chatcart::cli

#endif  // CHATCART_EXAMPLES_CLI_CONVERSE_SET_H_
