// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "recommend/critique.h"

#include <charconv>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "common/strings.h"

namespace chatcart::recommend {
namespace {

std::string NumberText(double v) {
  char buf[32];
  auto r = std::to_chars(buf, buf + sizeof buf, v);
  return std::string(buf, r.ptr);
}

}  // namespace

const NamedPreference* FindNamed(const Recommender::Rep& rep, std::string_view name) {
  for (const NamedPreference& np : rep.vocabulary) {
    if (np.name == name) return &np;
  }
  return nullptr;
}

absl::Status CompileCritiques(const Recommender::Rep& rep, ProductIndex reference,
                              std::span<const Critique> critiques,
                              std::vector<HardConstraint>* constraints,
                              std::vector<Preference>* preferences) {
  const Catalog& c = *rep.catalog;
  const std::string_view ref_id = c.id(reference);
  for (const Critique& k : critiques) {
    const std::string context = absl::StrCat("critique \"", k.ToString(), "\"");
    auto fail = [&](std::string_view why) {
      return absl::InvalidArgumentError(
          absl::StrCat(context, " of ", ToAbsl(ref_id), ": ", ToAbsl(why)));
    };
    Constraint constraint;
    switch (k.kind) {
      case CritiqueKind::kMoreLike:
        continue;
      case CritiqueKind::kOtherBrand: {
        const uint32_t b = c.brand_code(reference);
        if (b == 0) return fail("it has no brand");
        constraint.field = "brand";
        constraint.op = CompareOp::kNe;
        constraint.values = {c.brands()[b - 1]};
        break;
      }
      case CritiqueKind::kCheaper:
      case CritiqueKind::kMore:
      case CritiqueKind::kLess:
      case CritiqueKind::kNamed: {
        std::string attribute = k.kind == CritiqueKind::kCheaper ? "price" : k.attribute;
        bool more = k.kind == CritiqueKind::kMore;
        if (k.kind == CritiqueKind::kNamed) {
          const NamedPreference* named = FindNamed(rep, k.attribute);
          if (!named) return fail("unknown name");
          attribute.clear();
          for (const std::string& a : named->attributes) {
            if (a == "price" || a == "rating") {
              attribute = a;
            } else if (std::optional<AttributeId> id = c.FindAttribute(a);
                       id && c.attributes()[*id].type == AttributeType::kNumber &&
                       c.number_column(*id).Has(reference)) {
              attribute = a;
            }
            if (!attribute.empty()) break;
          }
          if (attribute.empty()) {
            return fail(absl::StrCat("it has none of ", absl::StrJoin(named->attributes, ", ")));
          }
          more = named->kind == PreferenceKind::kMaximize;
        }
        constraint.field = attribute;
        constraint.op = more ? CompareOp::kGt : CompareOp::kLt;
        if (attribute == "price") {
          const int64_t p = c.price_column()[reference];
          if (p == Catalog::kNoPrice) return fail("it has no price");
          absl::StatusOr<Money> m = Money::FromMinorUnits(p, c.price_currency(reference));
          if (!m.ok()) return m.status();
          constraint.values = {absl::StrCat(m->ToDecimalString(), " ", ToAbsl(m->currency()))};
        } else if (attribute == "rating") {
          std::optional<double> r = c.rating_column().Get(reference);
          if (!r) return fail("it has no rating");
          constraint.values = {NumberText(*r)};
        } else {
          std::optional<AttributeId> id = c.FindAttribute(attribute);
          if (!id) return fail(absl::StrCat("no attribute \"", attribute, "\""));
          if (c.attributes()[*id].type != AttributeType::kNumber) {
            return fail(absl::StrCat("\"", attribute, "\" is not a number"));
          }
          std::optional<double> v = c.number_column(*id).Get(reference);
          if (!v) return fail(absl::StrCat("it has no ", attribute));
          constraint.values = {NumberText(*v)};
        }
        break;
      }
    }
    CHATCART_ASSIGN_OR_RETURN(
        HardConstraint h,
        ResolveConstraint(rep, std::move(constraint), AppliedConstraint::kCritique, context));
    constraints->push_back(std::move(h));
  }
  if (rep.options.similarity_weight > 0) {
    Preference p;
    p.kind = PreferenceKind::kSimilarTo;
    p.values = {std::string(ref_id)};
    p.weight = rep.options.similarity_weight;
    preferences->push_back(std::move(p));
  }
  return absl::OkStatus();
}

}  // namespace chatcart::recommend
