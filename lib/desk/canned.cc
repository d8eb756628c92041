// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Canned replies: validated once, searched by folded code and text
// (Chatwoot's weights: code prefix 1.0, code substring 0.5, text substring
// 0.2).

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "chatcart/desk.h"
#include "text/fold.h"

namespace chatcart {
namespace {

std::string Folded(std::string_view s) { return text::Fold(s, {.strip_accents = true}); }

bool ValidCode(std::string_view code) {
  if (code.empty()) return false;
  for (char c : code) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

bool ForLocale(const v1::CannedReply& r, std::string_view locale) {
  return locale.empty() || r.locale().empty() || r.locale() == locale;
}

}  // namespace

absl::StatusOr<CannedReplies> CannedReplies::Create(std::vector<v1::CannedReply> replies) {
  absl::flat_hash_set<std::string> seen;
  for (size_t i = 0; i < replies.size(); ++i) {
    const v1::CannedReply& r = replies[i];
    std::string where = absl::StrCat("canned reply ", i + 1, " (\"", r.code(), "\")");
    if (!ValidCode(r.code())) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": a code is letters, digits, '-' and '_', and not empty"));
    }
    if (r.text().empty()) return absl::InvalidArgumentError(absl::StrCat(where, ": empty text"));
    if (!seen.insert(absl::StrCat(Folded(r.code()), "|", r.locale())).second) {
      return absl::InvalidArgumentError(absl::StrCat(
          where, ": the code is given twice for locale \"", r.locale(), "\" (codes are unique)"));
    }
  }
  CannedReplies out;
  for (const v1::CannedReply& r : replies) {
    out.folded_codes_.push_back(Folded(r.code()));
    out.folded_texts_.push_back(Folded(r.text()));
  }
  out.replies_ = std::move(replies);
  return out;
}

std::vector<CannedReplies::Match> CannedReplies::Search(std::string_view query,
                                                        std::string_view locale,
                                                        size_t limit) const {
  std::string q = Folded(query);
  while (!q.empty() && (q.front() == '/' || q.front() == ' ')) q.erase(q.begin());
  std::vector<Match> out;
  for (size_t i = 0; i < replies_.size(); ++i) {
    if (!ForLocale(replies_[i], locale)) continue;
    double score = 0;
    if (q.empty() || folded_codes_[i].compare(0, q.size(), q) == 0) {
      score = 1.0;
    } else if (folded_codes_[i].find(q) != std::string::npos) {
      score = 0.5;
    } else if (folded_texts_[i].find(q) != std::string::npos) {
      score = 0.2;
    }
    if (score > 0) out.push_back({&replies_[i], score});
  }
  std::stable_sort(out.begin(), out.end(), [&](const Match& a, const Match& b) {
    if (a.score != b.score) return a.score > b.score;
    if (a.reply->code() != b.reply->code()) return a.reply->code() < b.reply->code();
    return a.reply->locale() > b.reply->locale();  // a locale's own before "every locale"
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::vector<const v1::CannedReply*> CannedReplies::ForIntent(std::string_view intent,
                                                             std::string_view locale) const {
  std::vector<const v1::CannedReply*> own, any;
  for (const v1::CannedReply& r : replies_) {
    if (!ForLocale(r, locale) || std::find(r.intents().begin(), r.intents().end(), intent) == r.intents().end()) {
      continue;
    }
    (r.locale().empty() ? any : own).push_back(&r);
  }
  own.insert(own.end(), any.begin(), any.end());
  return own;
}

const v1::CannedReply* CannedReplies::Find(std::string_view code, std::string_view locale) const {
  const v1::CannedReply* any = nullptr;
  std::string folded = Folded(code);
  for (size_t i = 0; i < replies_.size(); ++i) {
    if (folded_codes_[i] != folded) continue;
    if (replies_[i].locale() == locale && !locale.empty()) return &replies_[i];
    if (replies_[i].locale().empty()) any = &replies_[i];
  }
  return any;
}

}  // namespace chatcart
