// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "intent/entity_scan.h"

#include <algorithm>

#include "text/fold.h"
#include "text/utf8.h"

namespace chatcart::intent {

Scan::Scan(const std::vector<text::Token>& tokens, text::Language language) : language_(language) {
  toks_.resize(tokens.size());
  words_.resize(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    Tok& t = toks_[i];
    t.text = tokens[i].text;
    t.begin = tokens[i].begin;
    t.end = tokens[i].end;
    t.kind = tokens[i].kind;
    t.bare =
        text::IsAscii(t.text) ? std::string(t.text) : text::Fold(t.text, {.strip_accents = true});
    t.roles = RolesOf(t.bare);
  }
  // After the loop: views into toks_ stay valid (no more reallocation).
  for (size_t i = 0; i < toks_.size(); ++i) {
    words_[i].bare = toks_[i].bare;
    words_[i].stem = toks_[i].bare;
    if (toks_[i].roles == nullptr) continue;
    for (const WordRole& r : *toks_[i].roles) {
      if ((r.role == Role::kBudgetWord && InLanguage(r, language_)) ||
          (r.role == Role::kCurrency && toks_[i].kind == text::TokenKind::kSymbol)) {
        budget_context_ = true;
      }
    }
  }
}

bool Scan::AnyUsed(size_t first, size_t last) const {
  for (size_t k = first; k <= last; ++k) {
    if (used(k)) return true;
  }
  return false;
}

void Scan::Claim(size_t first, size_t last) {
  for (size_t k = first; k <= last && k < toks_.size(); ++k) toks_[k].used = true;
}

const WordRole* Scan::RoleAt(size_t i, Role role, size_t* length) const {
  if (i >= toks_.size() || toks_[i].roles == nullptr) return nullptr;
  for (const WordRole& r : *toks_[i].roles) {
    if (r.role != role || !InLanguage(r, language_)) continue;
    if (i + r.rest.size() >= toks_.size()) continue;
    bool ok = true;
    for (size_t k = 0; k < r.rest.size() && ok; ++k) ok = toks_[i + 1 + k].bare == r.rest[k];
    if (!ok) continue;
    if (length != nullptr) *length = 1 + r.rest.size();
    return &r;
  }
  return nullptr;
}

size_t Scan::RoleEndingAt(size_t end, Role role, bool skip_article) const {
  for (int pass = 0; pass < (skip_article ? 2 : 1); ++pass) {
    size_t stop = end;
    if (pass == 1) {
      if (stop == 0 || RoleAt(stop - 1, Role::kArticle, nullptr) == nullptr) break;
      --stop;
    }
    for (size_t len = std::min<size_t>(4, stop); len >= 1; --len) {
      const size_t start = stop - len;
      size_t l = 0;
      if (RoleAt(start, role, &l) != nullptr && l == len && !AnyUsed(start, end - 1)) {
        return start;
      }
    }
  }
  return std::string_view::npos;
}

std::optional<ScannedNumber> Scan::NumberAt(size_t i, bool allow_suffix) const {
  if (used(i)) return std::nullopt;
  const Tok& t = toks_[i];
  ScannedNumber n;
  n.first = n.last = i;
  if (t.kind == text::TokenKind::kNumber) {
    if (!ParseDigits(t.bare, language_, &n.value)) return std::nullopt;
    return n;
  }
  if (t.kind == text::TokenKind::kAlnum && allow_suffix) {
    size_t cut = 0;
    while (cut < t.bare.size() && ((t.bare[cut] >= '0' && t.bare[cut] <= '9') ||
                                   t.bare[cut] == '.' || t.bare[cut] == ',')) {
      ++cut;
    }
    if (cut == 0 || cut == t.bare.size()) return std::nullopt;
    if (!ParseDigits(std::string_view(t.bare).substr(0, cut), language_, &n.value)) {
      return std::nullopt;
    }
    n.suffix = std::string_view(t.bare).substr(cut);
    return n;
  }
  if (t.kind == text::TokenKind::kWord) {
    // The words ahead, hyphens skipped ("quatre-vingt-dix", "twenty-one").
    std::vector<WordToken> words;
    std::vector<size_t> at;
    for (size_t k = i; k < toks_.size() && words.size() < 8 && !toks_[k].used; ++k) {
      if (toks_[k].kind == text::TokenKind::kSymbol) {
        if (toks_[k].bare != "-" || words.empty()) break;
        continue;
      }
      words.push_back({toks_[k].bare});
      at.push_back(k);
    }
    std::optional<WordNumber> w = ParseWordNumber(words, 0, language_);
    if (!w.has_value()) return std::nullopt;
    n.last = at[w->length - 1];
    n.value = Decimal{w->value, 0};
    n.words = true;
    return n;
  }
  return std::nullopt;
}

Entity& Emitter::Emit(EntityType type, size_t first, size_t last, double confidence) {
  scan_.Claim(first, last);
  Entity& e = out_->emplace_back();
  e.type = type;
  e.start = scan_.tok(first).begin;
  e.end = scan_.tok(last).end;
  e.confidence = confidence;
  return e;
}

std::optional<int64_t> MinorUnits(const Decimal& d, int exponent) {
  __int128 m = d.mantissa;
  int shift = exponent - d.scale;
  while (shift > 0) {
    m *= 10;
    if (m > static_cast<__int128>(INT64_MAX)) return std::nullopt;
    --shift;
  }
  while (shift < 0) {
    const __int128 q = m / 10, r = m % 10;
    m = (r > 5 || (r == 5 && (q % 2) == 1)) ? q + 1 : q;
    ++shift;
  }
  return static_cast<int64_t>(m);
}

}  // namespace chatcart::intent
