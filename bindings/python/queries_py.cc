// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The engine's components asked directly from Python: classify, entities,
// recommend, catalog find/query/product. Each releases the GIL around the
// work and builds plain Python values after retaking it.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/catalog.h"
#include "chatcart/engine.h"
#include "chatcart/entities.h"
#include "chatcart/intent.h"
#include "chatcart/money.h"
#include "chatcart/recommend.h"
#include "common_py.h"
#include "pybind11/pybind11.h"
#include "pybind11/stl.h"

namespace chatcart::python {
namespace {

namespace py = pybind11;

// Money crosses as (minor_units, currency); None when absent.
using PyMoney = std::optional<std::tuple<int64_t, std::string>>;

py::object MoneyTuple(const std::optional<Money>& money) {
  if (!money) return py::none();
  return py::make_tuple(money->minor_units(), std::string(money->currency()));
}

std::optional<Money> MoneyFrom(const PyMoney& m, const char* what) {
  if (!m) return std::nullopt;
  absl::StatusOr<Money> money = Money::FromMinorUnits(std::get<0>(*m), std::get<1>(*m));
  if (!money.ok()) {
    ThrowStatus(absl::InvalidArgumentError(std::string(what) + ": " +
                                           std::string(money.status().message())));
  }
  return *money;
}

const Catalog& CatalogOf(const PyEngine& e) {
  if (e.engine->catalog() == nullptr) {
    ThrowStatus(absl::FailedPreconditionError("bundle \"" + e.engine->identity().name +
                                              "\" has no catalog"));
  }
  return *e.engine->catalog();
}

py::str Str(std::string_view s) { return py::str(s.data(), s.size()); }

// ---- classify

py::dict Classify(const PyEngine& e, const std::string& text, const std::string& language) {
  const IntentModel* model = e.engine->intent_model();
  if (model == nullptr) {
    ThrowStatus(absl::FailedPreconditionError("bundle \"" + e.engine->identity().name +
                                              "\" has no intents"));
  }
  IntentResult r;
  {
    py::gil_scoped_release release;
    model->Classify(text, {.language = language}, &r);
  }
  py::list top;
  for (const IntentScore& s : r.top) top.append(py::make_tuple(Str(s.intent), s.confidence));
  static const char* kSources[] = {"none", "pattern", "classifier"};
  py::dict out;
  out["intent"] = Str(r.intent);
  out["confidence"] = r.confidence;
  out["out_of_scope"] = r.out_of_scope;
  out["source"] = kSources[static_cast<int>(r.source)];
  out["top"] = std::move(top);
  out["language"] = Str(r.language);
  out["truncated"] = r.truncated;
  out["word_support"] = r.word_support;
  return out;
}

// ---- entities

py::dict EntityDict(const Entity& x) {
  py::dict out;
  out["type"] = x.type;
  out["start"] = x.start;
  out["end"] = x.end;
  // The span as typed (entities.h) may hold ill-formed UTF-8 when the text
  // came as bytes: a Python str cannot, so those bytes read as U+FFFD.
  out["text"] = py::reinterpret_steal<py::str>(
      PyUnicode_DecodeUTF8(x.text.data(), static_cast<Py_ssize_t>(x.text.size()), "replace"));
  out["confidence"] = x.confidence;
  if (x.type == "money") {
    out["kind"] = Str(BudgetKindName(x.money.kind));
    out["min"] = MoneyTuple(x.money.min);
    out["max"] = MoneyTuple(x.money.max);
    out["currency_stated"] = x.money.currency_stated;
    out["value"] = py::none();
  } else if (x.type == "number" || x.type == "quantity" || x.type == "ordinal" || x.type == "age") {
    out["value"] = x.number;
    if (x.type == "number" && !x.value.empty()) out["decimal"] = x.value;  // "1.5", exact
  } else {
    out["value"] = x.value;
    if (x.type == "model") out["products"] = x.number;  // how many products carry it
    if (!x.values.empty()) {
      py::list values;
      for (const std::string& v : x.values) values.append(v);
      out["values"] = std::move(values);
      out["either"] = x.either;
    }
    out["negated"] = x.negated;
  }
  return out;
}

py::dict Entities(const PyEngine& e, const std::string& text, const std::string& language) {
  ExtractResult r;
  {
    py::gil_scoped_release release;
    e.engine->entity_extractor()->Extract(text, language, &r);
  }
  py::list entities;
  for (const Entity& x : r.entities) entities.append(EntityDict(x));
  py::dict out;
  out["entities"] = std::move(entities);
  out["language"] = Str(r.language);
  out["truncated"] = r.truncated;
  return out;
}

// ---- catalog

py::dict ProductDict(const Catalog& catalog, ProductIndex i) {
  Product p = catalog.product(i);
  py::dict out;
  out["id"] = Str(p.id);
  out["name"] = Str(p.name);
  out["brand"] = Str(p.brand);
  out["model"] = Str(p.model);
  out["description"] = Str(p.description);
  out["image"] = Str(p.image);
  out["url"] = Str(p.url);
  out["price"] = MoneyTuple(p.price);
  out["list_price"] = MoneyTuple(p.list_price);
  out["rating"] = p.rating ? py::object(py::float_(*p.rating)) : py::object(py::none());
  out["stock"] = p.stock ? py::object(py::int_(*p.stock)) : py::object(py::none());
  out["category"] = catalog.CategoryPath(p.category);
  return out;
}

py::list Find(const PyEngine& e, const std::string& text, int limit, double min_score,
              bool one_per_variant_group) {
  const Catalog& catalog = CatalogOf(e);
  std::vector<NameMatch> matches;
  {
    py::gil_scoped_release release;
    matches = catalog.FindByName(
        text,
        {.limit = limit, .min_score = min_score, .one_per_variant_group = one_per_variant_group});
  }
  py::list out;
  for (const NameMatch& m : matches) {
    out.append(py::make_tuple(ProductDict(catalog, m.product), m.score));
  }
  return out;
}

std::vector<Constraint> ParseConstraints(const std::vector<std::string>& where) {
  std::vector<Constraint> out;
  for (const std::string& text : where) out.push_back(ValueOrThrow(Constraint::Parse(text)));
  return out;
}

// (products, total): the first `limit` products meeting every constraint,
// in catalog order, and how many there are.
py::tuple Query(const PyEngine& e, const std::vector<std::string>& where, size_t limit) {
  const Catalog& catalog = CatalogOf(e);
  std::vector<Constraint> constraints = ParseConstraints(where);
  absl::StatusOr<ProductSet> set;
  {
    py::gil_scoped_release release;
    set = catalog.Select(constraints);
  }
  ProductSet selected = ValueOrThrow(std::move(set));
  py::list products;
  size_t total = 0;
  selected.ForEach([&](ProductIndex i) {
    if (total++ < limit) products.append(ProductDict(catalog, i));
  });
  return py::make_tuple(std::move(products), total);
}

py::object ProductById(const PyEngine& e, const std::string& id_or_key) {
  const Catalog& catalog = CatalogOf(e);
  std::optional<ProductIndex> i = catalog.Lookup(id_or_key);
  if (!i) ThrowStatus(absl::NotFoundError("no product \"" + id_or_key + "\" in the catalog"));
  return ProductDict(catalog, *i);
}

// ---- recommend

struct RecommendArgs {
  std::vector<std::string> where;
  PyMoney budget_min, budget_max, budget_around;
  std::optional<int> age;
  std::vector<std::pair<std::string, std::vector<std::string>>> contains_all;
  std::vector<std::string> prefer;
  std::string reference;
  std::vector<std::string> critiques;
  std::vector<std::string> exclude;
  bool in_stock_only = true;
  int top = 5;
  std::string locale;
  std::string ladder = "auto";
  size_t probe_at = 0;
};

py::dict PickDict(const Pick& p) {
  py::list breakdown;
  for (const ScoreTerm& t : p.breakdown) {
    py::dict d;
    d["name"] = t.name;
    d["value"] = t.value;
    d["utility"] = t.utility;
    d["weight"] = t.weight;
    d["contribution"] = t.contribution;
    breakdown.append(std::move(d));
  }
  py::list reasons;
  for (const Reason& r : p.reasons) {
    py::dict d;
    d["kind"] = static_cast<int>(r.kind);
    d["subject"] = r.subject;
    d["label"] = r.label;
    d["value"] = r.value;
    d["other"] = r.other;
    d["versus"] = r.versus;
    d["text"] = r.text;
    reasons.append(std::move(d));
  }
  py::list alternative;
  if (p.alternative & kAlternativeCheaper) alternative.append("cheaper");
  if (p.alternative & kAlternativeOtherBrand) alternative.append("other_brand");
  if (p.alternative & kAlternativeOtherApproach) alternative.append("other_approach");
  py::dict out;
  out["id"] = p.id;
  out["name"] = p.name;
  out["brand"] = p.brand;
  out["price"] = MoneyTuple(p.price);
  out["score"] = p.score;
  out["breakdown"] = std::move(breakdown);
  out["reasons"] = std::move(reasons);
  out["alternative"] = std::move(alternative);
  out["tier"] = p.tier;
  return out;
}

py::dict Recommend(const PyEngine& e, const RecommendArgs& a) {
  const Recommender* recommender = e.engine->recommender();
  if (recommender == nullptr) CatalogOf(e);  // raises: no catalog, no recommender
  RecommendRequest q;
  q.where = a.where;
  q.budget.min = MoneyFrom(a.budget_min, "budget min");
  q.budget.max = MoneyFrom(a.budget_max, "budget max");
  q.budget.around = MoneyFrom(a.budget_around, "budget around");
  q.age = a.age;
  for (const auto& [attribute, values] : a.contains_all)
    q.contains_all.push_back({attribute, values});
  for (const std::string& p : a.prefer) q.prefer.push_back(ValueOrThrow(Preference::Parse(p)));
  q.reference = a.reference;
  for (const std::string& c : a.critiques) q.critiques.push_back(ValueOrThrow(Critique::Parse(c)));
  q.exclude = a.exclude;
  q.in_stock_only = a.in_stock_only;
  q.top = a.top;
  q.locale = a.locale.empty() ? e.engine->locales().front() : a.locale;
  q.ladder = a.ladder == "off" ? LadderMode::kOff
             : a.ladder == "on" ? LadderMode::kOn
                                : LadderMode::kAuto;
  q.probe_at = a.probe_at;
  absl::StatusOr<Recommendation> result;
  {
    py::gil_scoped_release release;
    result = recommender->Recommend(q);
  }
  Recommendation rec = ValueOrThrow(std::move(result));
  py::list picks;
  for (const Pick& p : rec.picks) picks.append(PickDict(p));
  py::list constraints;
  for (const AppliedConstraint& c : rec.constraints) {
    static const char* kOrigins[] = {"where", "budget", "age", "contains_all", "critique"};
    py::dict d;
    d["origin"] = kOrigins[static_cast<int>(c.origin)];
    d["text"] = c.text;
    d["phrase"] = c.phrase;
    d["relaxable"] = c.relaxable;
    constraints.append(std::move(d));
  }
  py::list relaxations;
  for (const Relaxation& r : rec.relaxations) {
    py::list changes;
    for (const RelaxationChange& c : r.changes) {
      changes.append(py::make_tuple(c.constraint, c.to, c.phrase));
    }
    py::dict d;
    d["changes"] = std::move(changes);
    d["matches"] = r.matches;
    d["text"] = r.text;
    relaxations.append(std::move(d));
  }
  py::dict out;
  out["picks"] = std::move(picks);
  out["alternative"] = rec.alternative;
  out["other_approach"] =
      rec.other_approach ? py::object(PickDict(*rec.other_approach)) : py::object(py::none());
  out["matches"] = rec.matches;
  out["constraints"] = std::move(constraints);
  out["conflict"] = rec.conflict;
  out["relaxations"] = std::move(relaxations);
  out["explanation"] = rec.explanation;
  out["locale"] = rec.locale;
  out["ladder"] = rec.ladder;
  if (rec.question) {
    py::list options;
    for (const QuestionOption& o : rec.question->options) {
      py::dict d;
      d["value"] = o.value;
      d["where"] = o.where;
      d["matches"] = o.matches;
      options.append(std::move(d));
    }
    py::dict q;
    q["attribute"] = rec.question->attribute;
    q["label"] = rec.question->label;
    q["text"] = rec.question->text;
    q["options"] = std::move(options);
    out["question"] = std::move(q);
  } else {
    out["question"] = py::none();
  }
  return out;
}

}  // namespace

void DefineQueries(py::class_<PyEngine, std::shared_ptr<PyEngine>>& engine) {
  engine.def("classify", &Classify, py::arg("text"), py::arg("language"))
      .def("entities", &Entities, py::arg("text"), py::arg("language"))
      .def("catalog_find", &Find, py::arg("text"), py::arg("limit"), py::arg("min_score"),
           py::arg("one_per_variant_group"))
      .def("catalog_query", &Query, py::arg("where"), py::arg("limit"))
      .def("catalog_product", &ProductById, py::arg("id"))
      .def_property_readonly("catalog_size", [](const PyEngine& e) { return CatalogOf(e).size(); })
      .def_property_readonly("catalog_name",
                             [](const PyEngine& e) { return std::string(CatalogOf(e).name()); })
      .def(
          "recommend",
          [](const PyEngine& e, std::vector<std::string> where, PyMoney budget_min,
             PyMoney budget_max, PyMoney budget_around, std::optional<int> age,
             std::vector<std::pair<std::string, std::vector<std::string>>> contains_all,
             std::vector<std::string> prefer, std::string reference,
             std::vector<std::string> critiques, std::vector<std::string> exclude,
             bool in_stock_only, int top, std::string locale, std::string ladder,
             size_t probe_at) {
            RecommendArgs a{std::move(where),
                            budget_min,
                            budget_max,
                            budget_around,
                            age,
                            std::move(contains_all),
                            std::move(prefer),
                            std::move(reference),
                            std::move(critiques),
                            std::move(exclude),
                            in_stock_only,
                            top,
                            std::move(locale),
                            std::move(ladder),
                            probe_at};
            return Recommend(e, a);
          },
          py::arg("where"), py::arg("budget_min"), py::arg("budget_max"), py::arg("budget_around"),
          py::arg("age"), py::arg("contains_all"), py::arg("prefer"), py::arg("reference"),
          py::arg("critiques"), py::arg("exclude"), py::arg("in_stock_only"), py::arg("top"),
          py::arg("locale"), py::arg("ladder"), py::arg("probe_at"));
}

}  // namespace chatcart::python
