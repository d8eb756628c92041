// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "entities/lexicon.h"

#include <algorithm>
#include <utility>

#include "common/strings.h"
#include "text/fold.h"

namespace chatcart::entities {
namespace {

std::vector<std::string> PhraseTokens(std::string_view phrase) {
  std::vector<std::string> out;
  for (text::Token& t : text::Tokenize(phrase, {.keep_symbols = true})) {
    out.push_back(std::move(t.text));
  }
  return out;
}

}  // namespace

const LexiconEntry* Lexicon::Find(std::string_view token) const {
  auto it = map_.find(ToAbsl(token));
  return it == map_.end() ? nullptr : &it->second;
}

LexiconBuilder::LexiconBuilder() : lexicon_(std::make_unique<Lexicon>()) {}

void LexiconBuilder::AddTokens(const std::vector<std::string>& tokens,
                               const std::function<void(WordInfo&)>& edit) {
  if (tokens.empty()) return;
  LexiconEntry& entry = lexicon_->map_[tokens[0]];
  if (tokens.size() == 1) {
    entry.is_word = true;
    edit(entry.word);
    return;
  }
  std::vector<std::string> rest(tokens.begin() + 1, tokens.end());
  for (Phrase& phrase : entry.phrases) {
    if (phrase.rest == rest) {
      edit(phrase.info);
      return;
    }
  }
  Phrase& phrase = entry.phrases.emplace_back();
  phrase.rest = std::move(rest);
  edit(phrase.info);
}

void LexiconBuilder::Add(std::string_view phrase, const std::function<void(WordInfo&)>& edit) {
  const std::vector<std::string> tokens = PhraseTokens(phrase);
  AddTokens(tokens, edit);
  const std::string plain = text::Fold(phrase, {.strip_accents = true});
  std::vector<std::string> plain_tokens = PhraseTokens(plain);
  if (plain_tokens != tokens) AddTokens(plain_tokens, edit);
}

void LexiconBuilder::AddRoles(std::string_view phrase, uint64_t roles) {
  Add(phrase, [roles](WordInfo& w) { w.roles |= roles; });
}

void LexiconBuilder::AddRoles(std::initializer_list<std::string_view> phrases, uint64_t roles) {
  for (std::string_view p : phrases) AddRoles(p, roles);
}

int32_t LexiconBuilder::Value(std::string_view canonical) {
  auto [it, inserted] = value_ids_.try_emplace(ToAbsl(canonical), 0);
  if (inserted) {
    it->second = static_cast<int32_t>(lexicon_->values_.size());
    lexicon_->values_.emplace_back(canonical);
  }
  return it->second;
}

void LexiconBuilder::SetLemma(std::string_view word, uint32_t lemma) {
  LexiconEntry& entry = lexicon_->map_[ToAbsl(word)];
  if (entry.lemma == 0) entry.lemma = lemma;
}

uint32_t LexiconBuilder::Lemma(std::string_view word) const {
  auto it = lexicon_->map_.find(ToAbsl(word));
  return it == lexicon_->map_.end() ? 0 : it->second.lemma;
}

std::unique_ptr<Lexicon> LexiconBuilder::Build() {
  for (auto& [key, entry] : lexicon_->map_) {
    std::stable_sort(
        entry.phrases.begin(), entry.phrases.end(),
        [](const Phrase& a, const Phrase& b) { return a.rest.size() > b.rest.size(); });
  }
  std::unique_ptr<Lexicon> out = std::move(lexicon_);
  lexicon_ = std::make_unique<Lexicon>();
  value_ids_.clear();
  return out;
}

}  // namespace chatcart::entities
