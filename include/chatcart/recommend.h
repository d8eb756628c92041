// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Recommender: consumer-centric product picks over a Catalog. Hard
// constraints filter (the catalog's query syntax, a budget, an age, "works
// with all of these"); stated preferences, ratings shrunk by their review
// count and the fit to the budget score; the shortlist is diverse and holds a
// real alternative (a cheaper pick, another brand) whenever the catalog has
// one; every pick carries structured reasons and text in en/it/fr. When
// nothing fits, the result names a minimal set of constraints that cannot
// hold together (QuickXplain) and proposes minimal relaxations with their
// counts ("nothing up to 300 € with 16 GB; with up to 350 € there are 4"); a
// hard constraint is never dropped silently.
//
//   absl::StatusOr<std::shared_ptr<const Recommender>> r = Recommender::Create(catalog);
//   RecommendRequest q;
//   q.where = {"category=Photo Printers"};
//   q.contains_all = {{"compatible_with", {"iphone", "windows_phone"}}};
//   q.budget.max = *Money::Parse("300", "EUR");
//   q.prefer = {*Preference::Parse("cheap_to_run")};
//   q.top = 3;
//   q.locale = "it";
//   absl::StatusOr<Recommendation> rec = (*r)->Recommend(q);
//   for (const Pick& p : rec->picks) ... p.id, p.score, p.reasons[k].text ...
//   if (rec->picks.empty()) ... rec->explanation, rec->relaxations ...
//
// Scores are explainable by construction: a pick's score is the weighted mean
// of its terms' utilities (Pick::breakdown), each in 0..1 and normalised over
// the products that fit. A merchant weight (margin, sponsorship) is off by
// default; when a host turns it on it is capped and disclosed in the reasons.
//
// With only a budget and a broad category the shortlist is a good/better/best
// ladder across the budget (LadderMode); a request too broad to rank can get
// the most discriminating question back instead (RecommendRequest::probe_at).
// "Around" budgets rank the prices within around_tolerance of the target
// first, closest first, and say plainly by how much a price is off.
//
// Limits: the alternative guarantee needs top >= 2; prices are compared in
// one currency only (on a catalog with several, without a budget, the price
// terms are left out); age ranges, review counts and a merchant weight come
// from NUMBER attributes the options name; relaxations change at most
// max_relaxation_changes constraints; complements of the cart are not
// proposed (cart products can be excluded).
//
// Thread safety: a Recommender is immutable once created and safe for
// concurrent access from multiple threads without any external
// synchronization; each Recommend call uses its own scratch memory. The value
// types here (requests, results) are not synchronized.

#ifndef CHATCART_RECOMMEND_H_
#define CHATCART_RECOMMEND_H_

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/catalog.h"
#include "chatcart/money.h"

namespace chatcart {

// ---------------------------------------------------------------------------
// Preferences (soft: they order, they never filter)

enum class PreferenceKind : int {
  kNamed = 0,      // a name from the vocabulary ("cheap_to_run"), resolved per catalog
  kMaximize = 1,   // more of an attribute is better ("more storage")
  kMinimize = 2,   // less is better ("quiet", "cheap to run")
  kTarget = 3,     // close to a value is better ("a 27 in screen")
  kLike = 4,       // having one of these values is better (brand=Asus, interests=science)
  kDislike = 5,    // having one of these values is worse
  kSimilarTo = 6,  // like this product (its id in `values`): "more like the second one"
};

struct Preference {
  PreferenceKind kind = PreferenceKind::kNamed;
  // kNamed: the name. Otherwise an attribute name or label, or one of "price",
  // "rating", "brand", "category".
  std::string attribute;
  // kTarget: one number, optionally with the column's unit or a convertible
  // one ("27 in"). kLike/kDislike: values (any of). kSimilarTo: a product id.
  std::vector<std::string> values;
  // Relative importance; the default preference weighs 1. Must be > 0.
  double weight = 1;

  // Parses one preference:
  //   cheap_to_run         a name from the vocabulary (see BuiltinPreferences)
  //   more:storage         kMaximize      less:noise_level   kMinimize
  //   screen_size~27 in    kTarget        like:pr-zen6       kSimilarTo
  //   brand=Asus|MSI       kLike          brand!=Razer       kDislike
  // and any of them followed by "*W" for a weight: "cheap_to_run*2".
  // INVALID_ARGUMENT naming the text when it is malformed.
  static absl::StatusOr<Preference> Parse(std::string_view text);
  // The text form Parse reads.
  std::string ToString() const;
};

// A name a bundle or host can use for a preference: maximise or minimise the
// first of `attributes` the catalog has.
struct NamedPreference {
  std::string name;                     // "cheap_to_run"
  PreferenceKind kind;                  // kMaximize or kMinimize
  std::vector<std::string> attributes;  // "cost_per_print", "running_cost", ...
  // How reasons say it, by language ("en", "it", "fr"): "cheap to run".
  std::map<std::string, std::string> phrase;
};

// The built-in vocabulary, documented in lib/recommend/vocabulary.cc:
//   cheap (price, less)            rating (rating, more)
//   cheap_to_run (cost_per_print, running_cost, energy_use, power_consumption, tdp; less)
//   more_storage (storage, capacity; more)     more_memory (ram, memory; more)
//   quiet (noise_level, noise; less)           bigger_screen / smaller_screen (screen_size)
//   long_battery (battery_life; more)          light (weight; less)
//   fast (boost_clock, core_clock, memory_speed, speed; more)   more_cores (core_count; more)
std::span<const NamedPreference> BuiltinPreferences();

// ---------------------------------------------------------------------------
// Critiques: re-rank from a reference product ("cheaper", "another brand")

enum class CritiqueKind : int {
  kCheaper = 0,     // price below the reference's
  kMore = 1,        // attribute above the reference's ("bigger screen")
  kLess = 2,        // attribute below the reference's ("quieter")
  kOtherBrand = 3,  // a brand other than the reference's
  kMoreLike = 4,    // similar to the reference (a soft preference only)
  kNamed = 5,       // a named preference ("bigger_screen", "quiet") in its direction
};

struct Critique {
  CritiqueKind kind = CritiqueKind::kCheaper;
  // kMore/kLess: an attribute name, or "price"/"rating"; kNamed: the name,
  // resolved against the recommender's vocabulary.
  std::string attribute;

  // "cheaper", "other_brand", "more_like", "more:ATTR", "less:ATTR", or a
  // named preference ("bigger_screen", "quiet").
  static absl::StatusOr<Critique> Parse(std::string_view text);
  std::string ToString() const;
};

// ---------------------------------------------------------------------------
// Requests

// How the shortlist is made when the shopper gave a budget's top and nothing
// else to go by (no preference, no reference, no "around"):
//   kAuto: a good/better/best ladder across the budget when at least
//          RecommenderOptions::ladder_min_matches products fit, else by score;
//   kOff:  always by score;
//   kOn:   a ladder whenever the budget has a top, preferences or not.
// The ladder (RecommenderOptions::quality via the catalog mapping's
// `quality`): "best", the highest quality near the budget's top; "better", a
// step up in quality from "good", the cheapest of the better half; no
// cheaper product that fits matches "better" or "good" on every quality
// attribute. Without quality attributes for the category, by price: "top"
// (near the budget's top), "middle" (40-80 % of it), "lowest". The picks
// still hold a real alternative; the remaining places are filled by score.
enum class LadderMode : int { kAuto = 0, kOff = 1, kOn = 2 };

// A budget in one currency, the catalog's. `min`/`max` are hard constraints;
// `around` is a soft target: prices near it score best, none is excluded.
struct Budget {
  std::optional<Money> min;
  std::optional<Money> max;
  std::optional<Money> around;
  bool empty() const { return !min && !max && !around; }
};

// "The product's LIST attribute holds every one of these values": printers
// that work with both an iPhone and a Windows phone.
struct ContainsAll {
  std::string attribute;
  std::vector<std::string> values;
};

struct RecommendRequest {
  // Hard constraints in the catalog's query syntax ("category=Toys",
  // "price<=300 EUR", "memory>=16"), ANDed. See Constraint in catalog.h.
  std::vector<std::string> where;
  Budget budget;
  // An age in years: a product fits when age_min <= age <= age_max (the
  // attribute names are RecommenderOptions' age_min/age_max); a product
  // without either attribute has no limit on that side. Never relaxed.
  std::optional<int> age;
  std::vector<ContainsAll> contains_all;
  // Only products in stock (stock > 0, or stock not tracked). Default: true.
  bool in_stock_only = true;

  std::vector<Preference> prefer;

  // Critiques of `reference` (a product id): unit critiques, or compound ones
  // when several are given ("cheaper and bigger screen"). Each hard critique
  // becomes a constraint relative to the reference; all of them add a
  // preference for products otherwise like the reference, which is left out.
  // A reference without critiques asks for "more like this".
  std::string reference;
  std::vector<Critique> critiques;

  // Product ids never picked (already shown, already in the cart).
  std::vector<std::string> exclude;

  // Other approaches to the same need, each as catalog constraints that
  // replace the request's category constraints ({"category=Photo Prints"}
  // next to printers: a kiosk voucher). The best product of the first
  // approach that has one, meeting every other hard constraint, is returned
  // as Recommendation::other_approach.
  std::vector<std::vector<std::string>> other_approaches;

  // The good/better/best ladder (see LadderMode). Default: kAuto.
  LadderMode ladder = LadderMode::kAuto;

  // Ask rather than rank: when at least this many products fit and the
  // request states no preference (nor a reference), Recommendation::question
  // holds the question that best splits them (ProbingQuestion below), for the
  // dialogue to ask. The picks are made all the same. 0: never. Default: 0.
  size_t probe_at = 0;

  // How many picks, 1..100. Default: 5.
  int top = 5;
  // The language of the rendered text: "en", "it" or "fr" ("it-IT" is read
  // as "it"). Default: "en".
  std::string locale = "en";
};

// ---------------------------------------------------------------------------
// Results

enum class ReasonKind : int {
  kMeets = 0,         // a constraint the shopper stated is met
  kWithinBudget = 1,  // the price and what is left of the budget
  kNearTarget = 2,    // the price near an "around" budget
  kPreference = 3,    // a stated preference the product scores on
  kRating = 4,        // the rating and its review count
  kBestOfPicks = 5,   // the best of the picks on a term
  kTradeOff = 6,      // weaker than another pick on a term
  kAlternative = 7,   // why this pick is the alternative
  kMerchant = 8,      // disclosure: a merchant weight raised the score
  kSimilar = 9,       // like the reference product
  kCritique = 10,     // how it answers a critique ("80 € cheaper than X")
  kLadder = 11,       // its place on the good/better/best ladder (subject: the tier)
  kSpec = 12,         // its values on the category's quality attributes
  kPriceRank = 13,    // where its price stands among the products that fit
};

// Every claim a reason makes is one Recommender::VerifyClaims recomputes from
// the catalog. kNearTarget's subject says which: "close" (within
// around_tolerance of the target, not above it), "above" or "below" (by how
// much, said plainly). kLadder's subject is the tier ("best", "better",
// "good", "top", "middle", "lowest").
struct Reason {
  ReasonKind kind = ReasonKind::kMeets;
  // What it is about: an attribute name, "price", "rating", "brand", "age",
  // or a term name (see ScoreTerm::name).
  std::string subject;
  std::string label;  // for people: "Cost per print"
  std::string value;  // this product's value for people: "8 cents", "229,00 €"
  std::string other;  // the value compared with: a budget, another pick's value
  int versus = -1;    // the pick compared with (index into picks), or -1
  std::string text;   // rendered in the request's locale
};

// One term of a pick's score: score = sum of contributions.
struct ScoreTerm {
  std::string name;         // "price_fit", "rating", "cost_per_print", "merchant", ...
  std::string value;        // the product's value for people; "unknown" when it has none
  double utility = 0;       // 0..1, normalised over the products that fit
  double weight = 0;        // share of the score, 0..1; the weights sum to 1
  double contribution = 0;  // utility * weight
};

// Why a pick is the alternative (flags; several may hold).
enum AlternativeFlags : uint32_t {
  kAlternativeNone = 0,
  kAlternativeCheaper = 1,        // costs less than the first pick
  kAlternativeOtherBrand = 2,     // another brand than the first pick
  kAlternativeOtherApproach = 4,  // from one of the request's other approaches
};

struct Pick {
  ProductIndex product = 0;
  std::string id;
  std::string name;
  std::string brand;
  std::optional<Money> price;
  double score = 0;  // 0..1
  std::vector<ScoreTerm> breakdown;
  std::vector<Reason> reasons;
  uint32_t alternative = kAlternativeNone;  // AlternativeFlags
  // Its tier on the ladder ("best", "better", "good", "top", "middle",
  // "lowest"), or "" (picked by score).
  std::string tier;
};

// One answer to a probing question, and what choosing it adds to the request.
struct QuestionOption {
  std::string value;               // for people: "ATX", "24 to 27 in", "Women's Clothing"
  std::vector<std::string> where;  // constraints: {"screen_size>=24", "screen_size<27"}
  size_t matches = 0;              // products that fit with them
};

// The question that best splits the products that fit (RecommendRequest::
// probe_at): their subcategories, an attribute's common values, or a number
// cut in three ranges at round numbers.
struct Question {
  std::string attribute;  // "category", "form_factor", "screen_size"
  std::string label;      // "Form factor"
  std::string text;       // "To narrow down the 412 that fit: which Form factor? ATX, ..."
  std::vector<QuestionOption> options;  // the largest first, at most 5
};

// A hard constraint as the recommender applied it.
struct AppliedConstraint {
  enum Origin : int { kWhere = 0, kBudget = 1, kAge = 2, kContainsAll = 3, kCritique = 4 };
  Origin origin = kWhere;
  std::string text;       // "price<=300.00 EUR", "age=8", "compatible_with=iphone"
  std::string phrase;     // for people, in the request's locale: "up to 300,00 €"
  bool relaxable = true;  // false: never proposed for relaxation (age, category)
};

struct RelaxationChange {
  size_t constraint = 0;  // index into Recommendation::constraints
  std::string to;         // the relaxed constraint ("price<=350.00 EUR"); empty: dropped
  std::string phrase;     // "up to 350,00 €"
};

struct Relaxation {
  std::vector<RelaxationChange> changes;
  size_t matches = 0;  // products that fit with these changes
  std::string text;    // "with up to 350,00 € there are 4"
};

struct Recommendation {
  std::vector<Pick> picks;
  // The index in picks of the real alternative to the first pick, or -1 when
  // the catalog has none under the constraints (see explanation).
  int alternative = -1;
  // The best product of the request's other approaches, when one fits.
  std::optional<Pick> other_approach;

  // Whether the picks are a good/better/best ladder (see Pick::tier).
  bool ladder = false;
  // The probing question, when the request asked for one and is that broad.
  std::optional<Question> question;

  // Products that met every hard constraint (before exclusions and top-k).
  size_t matches = 0;
  std::vector<AppliedConstraint> constraints;

  // When nothing fits: a minimal set of constraints that no product meets
  // together (indexes into constraints; QuickXplain), and minimal relaxations,
  // best first, each verified by counting.
  std::vector<size_t> conflict;
  std::vector<Relaxation> relaxations;
  // Rendered: the empty result and its proposals ("Nothing matches up to 300 €
  // and Memory at least 16 GB; with up to 350 € there are 4, or with Memory
  // at least 12 GB there are 9."), or why there is no alternative. Empty when
  // there is nothing to explain.
  std::string explanation;
  std::string locale;  // "en", "it" or "fr"
};

// A claim of a recommendation that does not hold (Recommender::VerifyClaims).
struct ClaimProblem {
  int pick = -1;    // index into picks; -1: the other-approach pick; -2: the result itself
  int reason = -1;  // index into that pick's reasons; -1: the pick or the result
  std::string claim;    // the reason's or explanation's text, or what was checked
  std::string problem;  // why it does not hold
};

// A compound critique the catalog supports from a reference ("cheaper and
// more storage"), for quick replies: feed `critiques` back with the same
// reference.
struct CritiqueSuggestion {
  std::vector<Critique> critiques;
  size_t matches = 0;  // products it leads to, under the request's constraints
  std::string text;    // "cheaper, more Storage" in the request's locale
};

// ---------------------------------------------------------------------------
// The recommender

struct RecommenderOptions {
  // ---- catalog fields
  // A NUMBER attribute holding each product's review count, used to shrink
  // its rating; when the catalog has none, ratings are used as they are.
  // Default: "reviews" (else "review_count" when present).
  std::string review_count_attribute = "reviews";
  // The age range attributes. Default: "age_min", "age_max".
  std::string age_min_attribute = "age_min";
  std::string age_max_attribute = "age_max";

  // ---- scoring
  // Ratings shrink toward the catalog's mean as if each product had this many
  // more reviews at the mean (Bayesian average). Default: 20.
  double rating_prior_reviews = 20;
  // Weight of the rating term (0 leaves it out); a stated "rating"
  // preference adds its own weight. Default: 0.5.
  double rating_weight = 0.5;
  // Weight of the price-fit term: well inside the budget scores best, the
  // most expensive is not "best". Default: 0.5 (1 for an "around" budget).
  double price_fit_weight = 0.5;
  // How close "close to" is: a price within this share of an "around"
  // budget (0.15: 85..115 € for "around 100 €"). Reasons call a price close
  // only within it, and say by how much any other price is above or below.
  // In 0..1. Default: 0.15.
  double around_tolerance = 0.15;
  // Weight of "like the reference" when critiquing: similarity over price,
  // brand, category and the reference's attributes (numbers by distance over
  // the catalog's range, enums by equality, lists by overlap). Default: 2.
  double similarity_weight = 2;
  // Utility of a preference term for a product without the attribute: no
  // evidence earns no credit. Default: 0.
  double missing_utility = 0;

  // ---- merchant weight (off by default)
  // A NUMBER attribute (margin, sponsorship) that raises scores when
  // merchant_weight > 0. Its share of a score is capped at merchant_cap and
  // every pick it raised says so in its reasons.
  std::string merchant_attribute;
  double merchant_weight = 0;
  double merchant_cap = 0.1;

  // ---- shortlist
  // Score taken off per earlier pick of the same brand (and, half of it, of
  // the same category), for diversity. Variants of one product and exact
  // duplicates are never picked twice. Default: 0.1.
  double diversity = 0.1;

  // ---- ladder
  // LadderMode::kAuto makes a ladder from this many products that fit.
  // Default: 6.
  size_t ladder_min_matches = 6;

  // ---- relaxation
  // At most this many constraints changed in one proposal, and this many
  // proposals. Defaults: 2 and 3.
  int max_relaxation_changes = 2;
  int max_relaxations = 3;

  // More named preferences, added to (or replacing, by name) the built-ins.
  std::vector<NamedPreference> preferences;
};

class Recommender {
 public:
  // Prepares per-product data (in-stock set, shrunk ratings). Returns
  // INVALID_ARGUMENT when an attribute the options name is missing or not a
  // number (an empty name switches the feature off), or a weight is negative.
  static absl::StatusOr<std::shared_ptr<const Recommender>> Create(
      std::shared_ptr<const Catalog> catalog, const RecommenderOptions& options = {});

  Recommender(const Recommender&) = delete;
  Recommender& operator=(const Recommender&) = delete;
  ~Recommender();

  // Picks for `request`. INVALID_ARGUMENT, naming the field and the value,
  // for bad input: an unknown attribute or named preference, a malformed
  // constraint, a budget in another currency than the catalog's, a budget
  // whose min exceeds its max, contradictory constraints ("price<=100" and
  // "price>=200"), an unknown reference or excluded id, a top outside 1..100,
  // an unsupported locale. An empty catalog, or constraints no product meets
  // together, are not errors: the result is empty and explained.
  absl::StatusOr<Recommendation> Recommend(const RecommendRequest& request) const;

  // Compound critiques of request.reference (dynamic critiquing: patterns of
  // how the other products that meet the request's constraints differ from
  // it, over its price, brand and the numeric attributes it has), at most
  // `max` of them, the most widely applicable first; each pattern combines 2
  // differences and leads to at least one product. The request's own
  // critiques are ignored. INVALID_ARGUMENT as Recommend, and when there is
  // no reference.
  absl::StatusOr<std::vector<CritiqueSuggestion>> SuggestCritiques(const RecommendRequest& request,
                                                                   int max = 3) const;

  // Recomputes every claim of `rec`, the result of Recommend(request), from
  // the catalog and returns those that do not hold (empty: every claim
  // verified). It is written apart from the code that makes the claims: it
  // reads the catalog's columns and Select only, so a wrong claim cannot
  // verify itself. Checked: each pick's identity and price; every reason
  // (a constraint met, the budget and what is left of it, closeness to an
  // "around" budget within around_tolerance, a preference's value and "the
  // lowest/highest of the N that fit", the rating, "the best of these picks",
  // trade-offs against the first pick, why the alternative is one, the
  // merchant disclosure, critiques); the alternative flags; and the
  // explanation (an empty result's conflict and every relaxation's count,
  // "the only product", "no real alternative"). *checked (optional) gets the
  // number of claims checked.
  std::vector<ClaimProblem> VerifyClaims(const RecommendRequest& request,
                                         const Recommendation& rec,
                                         size_t* checked = nullptr) const;

  const Catalog& catalog() const;
  // The vocabulary in effect: built-ins plus the options' own.
  std::span<const NamedPreference> vocabulary() const;

  struct Rep;  // internal

 private:
  explicit Recommender(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace chatcart

#endif  // CHATCART_RECOMMEND_H_
