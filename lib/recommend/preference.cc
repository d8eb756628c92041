// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The text forms of preferences and critiques (Preference::Parse,
// Critique::Parse), as bundles and the CLI write them.

#include <charconv>
#include <string>
#include <string_view>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "chatcart/recommend.h"
#include "common/strings.h"

namespace chatcart {
namespace {

bool IsName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!absl::ascii_isalnum(static_cast<unsigned char>(c)) && c != '_' && c != ' ' && c != '-') {
      return false;
    }
  }
  return true;
}

std::vector<std::string> SplitValues(std::string_view text) {
  std::vector<std::string> values;
  for (absl::string_view v : absl::StrSplit(ToAbsl(text), '|')) {
    std::string_view t = Trim(ToStd(v));
    if (!t.empty()) values.emplace_back(t);
  }
  return values;
}

absl::Status Malformed(std::string_view text, std::string_view why) {
  return absl::InvalidArgumentError(
      absl::StrCat("preference \"", ToAbsl(text), "\": ", ToAbsl(why)));
}

}  // namespace

absl::StatusOr<Preference> Preference::Parse(std::string_view text) {
  std::string_view body = Trim(text);
  Preference p;
  // A trailing "*W" is the weight.
  if (size_t star = body.rfind('*'); star != std::string_view::npos) {
    std::string_view w = Trim(body.substr(star + 1));
    double weight = 0;
    auto [end, ec] = std::from_chars(w.data(), w.data() + w.size(), weight);
    if (w.empty() || ec != std::errc() || end != w.data() + w.size() || !(weight > 0)) {
      return Malformed(text, "the weight after '*' must be a number > 0");
    }
    p.weight = weight;
    body = Trim(body.substr(0, star));
  }
  if (body.empty()) return Malformed(text, "empty");

  auto prefixed = [&](std::string_view prefix, PreferenceKind kind) -> bool {
    if (!body.starts_with(prefix)) return false;
    p.kind = kind;
    p.attribute = std::string(Trim(body.substr(prefix.size())));
    return true;
  };
  if (prefixed("more:", PreferenceKind::kMaximize) ||
      prefixed("less:", PreferenceKind::kMinimize)) {
    if (!IsName(p.attribute)) return Malformed(text, "expected an attribute after ':'");
    return p;
  }
  if (body.starts_with("like:")) {
    p.kind = PreferenceKind::kSimilarTo;
    std::string id(Trim(body.substr(5)));
    if (id.empty()) return Malformed(text, "expected a product id after \"like:\"");
    p.values = {id};
    return p;
  }
  if (size_t at = body.find('~'); at != std::string_view::npos) {
    p.kind = PreferenceKind::kTarget;
    p.attribute = std::string(Trim(body.substr(0, at)));
    std::string value(Trim(body.substr(at + 1)));
    if (!IsName(p.attribute) || value.empty()) {
      return Malformed(text, "expected attribute~value (\"screen_size~27 in\")");
    }
    p.values = {value};
    return p;
  }
  if (size_t at = body.find("!="); at != std::string_view::npos) {
    p.kind = PreferenceKind::kDislike;
    p.attribute = std::string(Trim(body.substr(0, at)));
    p.values = SplitValues(body.substr(at + 2));
  } else if (size_t eq = body.find('='); eq != std::string_view::npos) {
    p.kind = PreferenceKind::kLike;
    p.attribute = std::string(Trim(body.substr(0, eq)));
    p.values = SplitValues(body.substr(eq + 1));
  } else {
    if (!IsName(body)) {
      return Malformed(text,
                       "expected a name (\"cheap_to_run\"), more:ATTR, less:ATTR, ATTR~VALUE, "
                       "ATTR=VALUE, ATTR!=VALUE or like:ID");
    }
    p.kind = PreferenceKind::kNamed;
    p.attribute = std::string(body);
    return p;
  }
  if (!IsName(p.attribute)) return Malformed(text, "expected an attribute before the operator");
  if (p.values.empty()) return Malformed(text, "expected a value after the operator");
  return p;
}

std::string Preference::ToString() const {
  std::string s;
  switch (kind) {
    case PreferenceKind::kNamed:
      s = attribute;
      break;
    case PreferenceKind::kMaximize:
      s = absl::StrCat("more:", attribute);
      break;
    case PreferenceKind::kMinimize:
      s = absl::StrCat("less:", attribute);
      break;
    case PreferenceKind::kTarget:
      s = absl::StrCat(attribute, "~", values.empty() ? "" : values[0]);
      break;
    case PreferenceKind::kLike:
      s = absl::StrCat(attribute, "=", absl::StrJoin(values, "|"));
      break;
    case PreferenceKind::kDislike:
      s = absl::StrCat(attribute, "!=", absl::StrJoin(values, "|"));
      break;
    case PreferenceKind::kSimilarTo:
      s = absl::StrCat("like:", values.empty() ? "" : values[0]);
      break;
  }
  if (weight != 1) {
    char buf[32];
    auto r = std::to_chars(buf, buf + sizeof buf, weight);
    absl::StrAppend(&s, "*", absl::string_view(buf, static_cast<size_t>(r.ptr - buf)));
  }
  return s;
}

absl::StatusOr<Critique> Critique::Parse(std::string_view text) {
  std::string_view body = Trim(text);
  Critique c;
  if (body == "cheaper") {
    c.kind = CritiqueKind::kCheaper;
    return c;
  }
  if (body == "other_brand" || body == "another_brand") {
    c.kind = CritiqueKind::kOtherBrand;
    return c;
  }
  if (body == "more_like" || body == "like" || body == "similar") {
    c.kind = CritiqueKind::kMoreLike;
    return c;
  }
  if (body.starts_with("more:") || body.starts_with("less:")) {
    c.kind = body.starts_with("more:") ? CritiqueKind::kMore : CritiqueKind::kLess;
    c.attribute = std::string(Trim(body.substr(5)));
    if (IsName(c.attribute)) return c;
  } else if (IsName(body)) {
    c.kind = CritiqueKind::kNamed;
    c.attribute = std::string(body);
    return c;
  }
  return absl::InvalidArgumentError(absl::StrCat(
      "critique \"", ToAbsl(text),
      "\": expected cheaper, other_brand, more_like, more:ATTR, less:ATTR or a named preference"));
}

std::string Critique::ToString() const {
  switch (kind) {
    case CritiqueKind::kCheaper:
      return "cheaper";
    case CritiqueKind::kOtherBrand:
      return "other_brand";
    case CritiqueKind::kMoreLike:
      return "more_like";
    case CritiqueKind::kNamed:
      return attribute;
    case CritiqueKind::kMore:
      return absl::StrCat("more:", attribute);
    case CritiqueKind::kLess:
      return absl::StrCat("less:", attribute);
  }
  return "";
}

}  // namespace chatcart
