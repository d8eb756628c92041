// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Internals shared by the entity recognisers (entity_extractor.cc,
// entity_money.cc): the compiled extractor state, the per-call token view
// (Scan) and the emitter that claims tokens. A Scan lives for one call on
// one thread; ExtractorState is immutable and shared.

#ifndef CHATCART_INTENT_ENTITY_SCAN_H_
#define CHATCART_INTENT_ENTITY_SCAN_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chatcart/entities.h"
#include "intent/entity_lexicon.h"
#include "intent/entity_words.h"
#include "intent/numbers.h"
#include "text/language.h"
#include "text/tokenize.h"

namespace chatcart::intent {

struct ExtractorState {
  EntityExtractorOptions options;
  int currency_exponent = 2;
  bool store_dollar = true;  // the store's currency is a dollar
  Lexicon lexicon;
};

struct Tok {
  std::string_view text;  // folded
  std::string bare;       // folded, accents stripped
  size_t begin = 0, end = 0;
  text::TokenKind kind = text::TokenKind::kWord;
  const std::vector<WordRole>* roles = nullptr;
  bool used = false;
};

// A number at a token: digits (with a letter suffix for alnum tokens:
// "1.5k", "6yo", "2x") or words over one or more tokens.
struct ScannedNumber {
  size_t first = 0, last = 0;
  Decimal value;
  bool words = false;
  std::string_view suffix;
};

// One call's view of the text: tokens and the recognisers' helpers.
class Scan {
 public:
  Scan(const std::vector<text::Token>& tokens, text::Language language);

  size_t size() const { return toks_.size(); }
  const Tok& tok(size_t i) const { return toks_[i]; }
  // Past the end counts as used.
  bool used(size_t i) const { return i >= toks_.size() || toks_[i].used; }
  bool AnyUsed(size_t first, size_t last) const;
  void Claim(size_t first, size_t last);
  // The text speaks of money (a currency, "budget", "price", "prezzo"...).
  bool budget_context() const { return budget_context_; }
  text::Language language() const { return language_; }

  // The role of kind `role` whose phrase matches at token i (in this
  // language), or null; *length (if not null) receives its token count.
  const WordRole* RoleAt(size_t i, Role role, size_t* length) const;
  // The first token of an unclaimed phrase of kind `role` ending just before
  // token `end` (or before one article there, when `skip_article`), or npos.
  size_t RoleEndingAt(size_t end, Role role, bool skip_article) const;
  // The number at token i, if any (unclaimed tokens only). Alnum tokens
  // count only when `allow_suffix`.
  std::optional<ScannedNumber> NumberAt(size_t i, bool allow_suffix) const;

  std::vector<LexWord>& lex_words() { return words_; }

 private:
  std::vector<Tok> toks_;
  std::vector<LexWord> words_;
  text::Language language_;
  bool budget_context_ = false;
};

// Adds entities, claiming their tokens.
class Emitter {
 public:
  Emitter(Scan& scan, std::vector<Entity>* out) : scan_(scan), out_(out) {}
  Entity& Emit(EntityType type, size_t first, size_t last, double confidence);
  const std::vector<Entity>& entities() const { return *out_; }

 private:
  Scan& scan_;
  std::vector<Entity>* out_;
};

// Minor units of `d` in a currency with `exponent` decimals, rounding half
// to even; nullopt on overflow.
std::optional<int64_t> MinorUnits(const Decimal& d, int exponent);

// Money and budgets starting at token i (a cue, a currency or an amount):
// the tokens taken, 0 when there is none.
size_t ExtractMoney(Scan& scan, const ExtractorState& state, size_t i, Emitter& emitter);

}  // namespace chatcart::intent

#endif  // CHATCART_INTENT_ENTITY_SCAN_H_
