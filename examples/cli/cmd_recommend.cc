// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// `chatcart recommend --catalog FILE --mapping FILE [--where C]... [--prefer P]...
//   [--max AMOUNT] [--min AMOUNT] [--around AMOUNT] [--age N] [--contains ATTR=V1,V2]...
//   [--reference ID --critique C...] [--exclude ID]... [--other C;C]... [--all-stock]
//   [--top 5] [--locale en|it|fr] [--merchant ATTR --merchant-weight W]
//   [--ladder auto|off|on] [--probe N] [--verify] [--json]`:
// prints each pick with its score breakdown and reasons (its ladder tier when
// the picks are a good/better/best ladder), the relaxation proposal when
// nothing matches, the probing question when --probe N and at least N fit,
// and with --verify every claim Recommender::VerifyClaims finds false (exit
// 1 when there is one).

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "catalog_cli.h"
#include "chatcart/recommend.h"

namespace chatcart::cli {
namespace {

constexpr char kCommand[] = "recommend";

std::vector<std::string> Split(const std::string& s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string::npos) end = s.size();
    std::string part = s.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.erase(part.begin());
    while (!part.empty() && part.back() == ' ') part.pop_back();
    if (!part.empty()) out.push_back(part);
    start = end + 1;
  }
  return out;
}

// "300", "300 EUR", "300EUR": in `currency` unless one is written.
bool ParseAmount(const std::string& text, const std::string& currency, std::optional<Money>* out,
                 const char* flag) {
  size_t k = 0;
  while (k < text.size() && (std::isdigit(static_cast<unsigned char>(text[k])) || text[k] == '.')) {
    ++k;
  }
  std::string code = text.substr(k);
  while (!code.empty() && code.front() == ' ') code.erase(code.begin());
  absl::StatusOr<Money> m = Money::Parse(text.substr(0, k), code.empty() ? currency : code);
  if (!m.ok()) {
    std::fprintf(stderr, "chatcart %s: --%s %s: %s\n", kCommand, flag, text.c_str(),
                 std::string(m.status().message()).c_str());
    return false;
  }
  *out = *m;
  return true;
}

std::string AlternativeText(uint32_t flags) {
  std::vector<std::string> parts;
  if (flags & kAlternativeCheaper) parts.push_back("cheaper");
  if (flags & kAlternativeOtherBrand) parts.push_back("other brand");
  if (flags & kAlternativeOtherApproach) parts.push_back("other approach");
  std::string s;
  for (const std::string& p : parts) s += (s.empty() ? "" : ", ") + p;
  return s;
}

void PrintPickText(int rank, const Pick& p) {
  std::printf("%d. %s  %s", rank, p.id.c_str(), p.name.c_str());
  if (!p.tier.empty()) std::printf("  [%s]", p.tier.c_str());
  if (!p.brand.empty()) std::printf("  (%s)", p.brand.c_str());
  std::printf("  %s  score %.3f", p.price ? p.price->ToString().c_str() : "-", p.score);
  if (p.alternative != kAlternativeNone) {
    std::printf("  [alternative: %s]", AlternativeText(p.alternative).c_str());
  }
  std::printf("\n");
  for (const ScoreTerm& t : p.breakdown) {
    std::printf("     %-16s %-22s utility %.2f x weight %.2f = %.3f\n", t.name.c_str(),
                t.value.c_str(), t.utility, t.weight, t.contribution);
  }
  for (const Reason& r : p.reasons) std::printf("   - %s\n", r.text.c_str());
}

void WritePickJson(const Pick& p, JsonWriter* w) {
  w->BeginObject();
  w->Key("id");
  w->String(p.id);
  w->Key("name");
  w->String(p.name);
  w->Key("brand");
  w->String(p.brand);
  w->Key("price");
  if (p.price) {
    w->BeginObject();
    w->Key("amount");
    w->String(p.price->ToDecimalString());
    w->Key("currency");
    w->String(p.price->currency());
    w->EndObject();
  } else {
    w->Null();
  }
  w->Key("score");
  w->Double(p.score);
  if (!p.tier.empty()) {
    w->Key("tier");
    w->String(p.tier);
  }
  w->Key("alternative");
  w->BeginArray();
  if (p.alternative & kAlternativeCheaper) w->String("cheaper");
  if (p.alternative & kAlternativeOtherBrand) w->String("other_brand");
  if (p.alternative & kAlternativeOtherApproach) w->String("other_approach");
  w->EndArray();
  w->Key("breakdown");
  w->BeginArray();
  for (const ScoreTerm& t : p.breakdown) {
    w->BeginObject();
    w->Key("term");
    w->String(t.name);
    w->Key("value");
    w->String(t.value);
    w->Key("utility");
    w->Double(t.utility);
    w->Key("weight");
    w->Double(t.weight);
    w->Key("contribution");
    w->Double(t.contribution);
    w->EndObject();
  }
  w->EndArray();
  w->Key("reasons");
  w->BeginArray();
  static constexpr const char* kKinds[] = {
      "meets",         "within_budget", "near_target", "preference", "rating",
      "best_of_picks", "trade_off",     "alternative", "merchant",   "similar",
      "critique",      "ladder",        "spec",        "price_rank"};
  for (const Reason& r : p.reasons) {
    w->BeginObject();
    w->Key("kind");
    w->String(kKinds[static_cast<int>(r.kind)]);
    w->Key("subject");
    w->String(r.subject);
    w->Key("label");
    w->String(r.label);
    w->Key("value");
    w->String(r.value);
    w->Key("other");
    w->String(r.other);
    if (r.versus >= 0) {
      w->Key("versus");
      w->Int(r.versus);
    }
    w->Key("text");
    w->String(r.text);
    w->EndObject();
  }
  w->EndArray();
  w->EndObject();
}

void PrintJson(const Recommendation& rec, double ms) {
  JsonWriter w;
  w.BeginObject();
  w.Key("locale");
  w.String(rec.locale);
  w.Key("matches");
  w.Int(static_cast<int64_t>(rec.matches));
  w.Key("constraints");
  w.BeginArray();
  static constexpr const char* kOrigins[] = {"where", "budget", "age", "contains_all", "critique"};
  for (const AppliedConstraint& c : rec.constraints) {
    w.BeginObject();
    w.Key("text");
    w.String(c.text);
    w.Key("origin");
    w.String(kOrigins[static_cast<int>(c.origin)]);
    w.Key("phrase");
    w.String(c.phrase);
    w.Key("relaxable");
    w.Bool(c.relaxable);
    w.EndObject();
  }
  w.EndArray();
  w.Key("picks");
  w.BeginArray();
  for (const Pick& p : rec.picks) WritePickJson(p, &w);
  w.EndArray();
  w.Key("alternative");
  w.Int(rec.alternative);
  w.Key("other_approach");
  if (rec.other_approach) {
    WritePickJson(*rec.other_approach, &w);
  } else {
    w.Null();
  }
  w.Key("conflict");
  w.BeginArray();
  for (size_t k : rec.conflict) w.Int(static_cast<int64_t>(k));
  w.EndArray();
  w.Key("relaxations");
  w.BeginArray();
  for (const Relaxation& r : rec.relaxations) {
    w.BeginObject();
    w.Key("changes");
    w.BeginArray();
    for (const RelaxationChange& c : r.changes) {
      w.BeginObject();
      w.Key("constraint");
      w.Int(static_cast<int64_t>(c.constraint));
      w.Key("to");
      if (c.to.empty()) {
        w.Null();
      } else {
        w.String(c.to);
      }
      w.Key("phrase");
      w.String(c.phrase);
      w.EndObject();
    }
    w.EndArray();
    w.Key("matches");
    w.Int(static_cast<int64_t>(r.matches));
    w.Key("text");
    w.String(r.text);
    w.EndObject();
  }
  w.EndArray();
  w.Key("explanation");
  w.String(rec.explanation);
  w.Key("ladder");
  w.Bool(rec.ladder);
  w.Key("question");
  if (rec.question) {
    w.BeginObject();
    w.Key("attribute");
    w.String(rec.question->attribute);
    w.Key("label");
    w.String(rec.question->label);
    w.Key("text");
    w.String(rec.question->text);
    w.Key("options");
    w.BeginArray();
    for (const QuestionOption& o : rec.question->options) {
      w.BeginObject();
      w.Key("value");
      w.String(o.value);
      w.Key("where");
      w.BeginArray();
      for (const std::string& c : o.where) w.String(c);
      w.EndArray();
      w.Key("matches");
      w.Int(static_cast<int64_t>(o.matches));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("milliseconds");
  w.Double(ms);
  w.EndObject();
  std::puts(w.str().c_str());
}

int RunRecommend(Args& args) {
  CatalogFlags flags;
  bool ok = ReadCatalogFlags(kCommand, args, &flags);
  RecommendRequest q;
  q.where = args.Values("where");
  const std::vector<std::string> prefer = args.Values("prefer");
  const std::optional<std::string> max = args.Value("max"), min = args.Value("min"),
                                   around = args.Value("around"), age = args.Value("age");
  const std::string currency_flag = args.ValueOr("currency", "");
  const std::vector<std::string> contains = args.Values("contains");
  q.reference = args.ValueOr("reference", "");
  const std::vector<std::string> critiques = args.Values("critique");
  q.exclude = args.Values("exclude");
  for (const std::string& other : args.Values("other"))
    q.other_approaches.push_back(Split(other, ';'));
  q.in_stock_only = !args.Switch("all-stock");
  const std::string top = args.ValueOr("top", "5");
  const std::string ladder = args.ValueOr("ladder", "auto");
  const std::string probe = args.ValueOr("probe", "0");
  const bool verify = args.Switch("verify");
  q.locale = args.ValueOr("locale", "en");
  RecommenderOptions options;
  options.merchant_attribute = args.ValueOr("merchant", "");
  const std::string merchant_weight = args.ValueOr("merchant-weight", "");
  if (std::string error = args.Finish(); !error.empty()) {
    std::fprintf(stderr, "chatcart %s: %s\n", kCommand, error.c_str());
    return kExitUsage;
  }
  if (!ok) return kExitUsage;

  char* end = nullptr;
  q.top = static_cast<int>(std::strtol(top.c_str(), &end, 10));
  if (top.empty() || *end != '\0') {
    std::fprintf(stderr, "chatcart %s: --top %s is not a number\n", kCommand, top.c_str());
    return kExitUsage;
  }
  q.probe_at = static_cast<size_t>(std::strtoul(probe.c_str(), &end, 10));
  if (probe.empty() || *end != '\0') {
    std::fprintf(stderr, "chatcart %s: --probe %s is not a count\n", kCommand, probe.c_str());
    return kExitUsage;
  }
  if (ladder == "auto" || ladder == "off" || ladder == "on") {
    q.ladder = ladder == "auto"  ? LadderMode::kAuto
               : ladder == "off" ? LadderMode::kOff
                                 : LadderMode::kOn;
  } else {
    std::fprintf(stderr, "chatcart %s: --ladder %s: expected auto, off or on\n", kCommand,
                 ladder.c_str());
    return kExitUsage;
  }
  if (age) {
    q.age = static_cast<int>(std::strtol(age->c_str(), &end, 10));
    if (age->empty() || *end != '\0') {
      std::fprintf(stderr, "chatcart %s: --age %s is not a number\n", kCommand, age->c_str());
      return kExitUsage;
    }
  }
  if (!merchant_weight.empty()) {
    options.merchant_weight = std::strtod(merchant_weight.c_str(), &end);
    if (*end != '\0') {
      std::fprintf(stderr, "chatcart %s: --merchant-weight %s is not a number\n", kCommand,
                   merchant_weight.c_str());
      return kExitUsage;
    }
  }
  for (const std::string& p : prefer) {
    absl::StatusOr<Preference> parsed = Preference::Parse(p);
    if (!parsed.ok()) {
      std::fprintf(stderr, "chatcart %s: --prefer: %s\n", kCommand,
                   std::string(parsed.status().message()).c_str());
      return kExitUsage;
    }
    q.prefer.push_back(*parsed);
  }
  for (const std::string& c : critiques) {
    absl::StatusOr<Critique> parsed = Critique::Parse(c);
    if (!parsed.ok()) {
      std::fprintf(stderr, "chatcart %s: --critique: %s\n", kCommand,
                   std::string(parsed.status().message()).c_str());
      return kExitUsage;
    }
    q.critiques.push_back(*parsed);
  }
  for (const std::string& c : contains) {
    size_t eq = c.find('=');
    if (eq == std::string::npos || eq == 0) {
      std::fprintf(stderr, "chatcart %s: --contains %s: expected ATTR=V1,V2\n", kCommand,
                   c.c_str());
      return kExitUsage;
    }
    q.contains_all.push_back({c.substr(0, eq), Split(c.substr(eq + 1), ',')});
  }

  CatalogLoadReport report;
  std::shared_ptr<const Catalog> catalog = LoadCatalogOrReport(kCommand, flags, &report);
  if (catalog == nullptr) return kExitFailure;
  const std::string currency = !currency_flag.empty()          ? currency_flag
                               : catalog->currencies().empty() ? "USD"
                                                               : catalog->currencies()[0];
  if ((max && !ParseAmount(*max, currency, &q.budget.max, "max")) ||
      (min && !ParseAmount(*min, currency, &q.budget.min, "min")) ||
      (around && !ParseAmount(*around, currency, &q.budget.around, "around"))) {
    return kExitUsage;
  }

  absl::StatusOr<std::shared_ptr<const Recommender>> recommender =
      Recommender::Create(catalog, options);
  if (!recommender.ok()) {
    std::fprintf(stderr, "chatcart %s: %s\n", kCommand,
                 std::string(recommender.status().message()).c_str());
    return kExitUsage;
  }
  const auto start = std::chrono::steady_clock::now();
  absl::StatusOr<Recommendation> rec = (*recommender)->Recommend(q);
  const double ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  if (!rec.ok()) {
    std::fprintf(stderr, "chatcart %s: %s\n", kCommand,
                 std::string(rec.status().message()).c_str());
    return kExitUsage;
  }
  std::vector<ClaimProblem> problems;
  if (verify) problems = (*recommender)->VerifyClaims(q, *rec);
  const int status = problems.empty() ? kExitOk : kExitFailure;
  for (const ClaimProblem& p : problems) {
    std::fprintf(stderr, "false claim (pick %d, reason %d) \"%s\": %s\n", p.pick, p.reason,
                 p.claim.c_str(), p.problem.c_str());
  }
  if (flags.json) {
    PrintJson(*rec, ms);
    return status;
  }
  std::printf("%zu of %zu products meet:", rec->matches, catalog->size());
  for (const AppliedConstraint& c : rec->constraints) std::printf(" [%s]", c.text.c_str());
  std::printf("  (%.3f ms)\n", ms);
  for (size_t k = 0; k < rec->picks.size(); ++k)
    PrintPickText(static_cast<int>(k + 1), rec->picks[k]);
  if (rec->other_approach) {
    std::printf("another approach:\n");
    PrintPickText(0, *rec->other_approach);
  }
  if (!rec->explanation.empty()) std::printf("%s\n", rec->explanation.c_str());
  if (rec->question) {
    std::printf("question: %s\n", rec->question->text.c_str());
    for (const QuestionOption& o : rec->question->options) {
      std::string where;
      for (const std::string& c : o.where) where += (where.empty() ? "" : "; ") + c;
      std::printf("   - %s (%zu): %s\n", o.value.c_str(), o.matches, where.c_str());
    }
  }
  if (verify && problems.empty()) std::printf("every claim verified\n");
  return status;
}

CHATCART_CLI_COMMAND(
    recommend,
    {.name = "recommend",
     .summary = "Picks products for constraints and preferences, with reasons (--catalog, "
                "--mapping, --where, --prefer, --max, --top)",
     .run = RunRecommend,
     .flags = CatalogFlagsAnd(
         {{"where", kRepeated, "C", "a constraint (catalog query syntax)"},
          {"prefer", kRepeated, "P", "a preference"},
          {"max", kValue, "AMOUNT", "the budget's maximum"},
          {"min", kValue, "AMOUNT", "the budget's minimum"},
          {"around", kValue, "AMOUNT", "a budget around this amount"},
          {"age", kValue, "N", "the age the product is for"},
          {"contains", kRepeated, "ATTR=V1,V2", "an attribute holding all these values"},
          {"currency", kValue, "CODE", "the amounts' currency"},
          {"reference", kValue, "ID", "the product critiques are relative to"},
          {"critique", kRepeated, "C", "a critique of the reference"},
          {"exclude", kRepeated, "ID", "a product not to pick"},
          {"other", kRepeated, "C;C", "another shopper's constraints"},
          {"all-stock", kSwitch, "", "picks products out of stock too"},
          {"top", kValue, "N", "how many picks (default 5)"},
          {"locale", kValue, "LOCALE", "the reasons' language: en, it or fr (default en)"},
          {"merchant", kValue, "ATTR", "the merchant's own score attribute"},
          {"merchant-weight", kValue, "W", "the weight of --merchant"},
          {"ladder", kValue, "auto|off|on", "good/better/best tiers (default auto)"},
          {"probe", kValue, "N", "asks a probing question when at least N fit"},
          {"verify", kSwitch, "", "checks every claim; exit 1 when one is false"}}),
     .example = "chatcart recommend --catalog products.jsonl --mapping mapping.textproto "
                "--where 'category=Video Card' --max '300 USD' --top 3"});

}  // namespace
}  // namespace chatcart::cli
