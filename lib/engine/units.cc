// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/strings.h"
#include "engine/units.h"

#include <cmath>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "chatcart/money.h"

namespace chatcart::engine {
namespace {

struct UnitName {
  std::string_view unit, it, fr;
};

constexpr UnitName kUnits[] = {
    {"years", "anni", "ans"},        {"year", "anno", "an"},
    {"months", "mesi", "mois"},      {"days", "giorni", "jours"},
    {"hours", "ore", "heures"},      {"h", "h", "h"},
    {"minutes", "minuti", "minutes"}, {"min", "min", "min"},
    {"in", "pollici", "pouces"},     {"inches", "pollici", "pouces"},
    {"pieces", "pezzi", "pièces"},   {"sheets", "fogli", "feuilles"},
    {"prints", "stampe", "impressions"}, {"pages", "pagine", "pages"},
    {"keys", "tasti", "touches"},    {"colours", "colori", "couleurs"},
};

bool IsCents(std::string_view unit) { return unit == "cents" || unit == "cent" || unit == "ct"; }

}  // namespace

std::string_view UnitIn(std::string_view unit, std::string_view language) {
  if (language != "it" && language != "fr") return unit;
  for (const UnitName& u : kUnits) {
    if (u.unit == unit) return language == "it" ? u.it : u.fr;
  }
  return unit;
}

std::string LocalizedValue(const Catalog& catalog, AttributeId a, ProductIndex i,
                           std::string_view language, std::string_view currency,
                           std::string_view locale) {
  const AttributeInfo& info = catalog.attributes()[a];
  if (info.type != AttributeType::kNumber) return catalog.AttributeValueText(a, i, language);
  std::optional<double> v = catalog.number_column(a).Get(i);
  if (!v.has_value()) return "";
  if (IsCents(info.unit) && !currency.empty() && std::abs(*v) < 1e15) {
    absl::StatusOr<Money> money = Money::FromMinorUnits(static_cast<int64_t>(std::llround(*v)),
                                                        std::string(currency));
    if (money.ok()) {
      absl::StatusOr<std::string> text = money->Format(locale);
      if (text.ok()) return *text;
    }
  }
  std::string number = (std::abs(*v - std::round(*v)) < 1e-9 && std::abs(*v) < 1e15)
                           ? absl::StrCat(static_cast<int64_t>(std::llround(*v)))
                           : absl::StrFormat("%.2g", *v);
  if (std::abs(*v - std::round(*v)) >= 1e-9) {
    number = absl::StrFormat("%.1f", *v);
    if (language == "it" || language == "fr") {
      for (char& c : number) {
        if (c == '.') c = ',';
      }
    }
  }
  if (info.unit.empty()) return number;
  return absl::StrCat(number, " ", ToAbsl(UnitIn(info.unit, language)));
}

}  // namespace chatcart::engine
