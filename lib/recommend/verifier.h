// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The Verifier behind Recommender::VerifyClaims: every claim of one
// recommendation recomputed from the catalog. It reads the catalog (columns,
// Select, labels) and the request only; it never calls the scoring, shortlist
// or reason code, so a claim those get wrong cannot verify itself. Texts are
// checked by rendering what is true with the same templates
// (lib/recommend/text.cc) and comparing. Its checks are split by what they
// read: verify.cc (the products that fit, values for people, the entry
// point), verify_reasons.cc (each pick and its reasons), verify_ladder.cc
// (the quality ladder, specs, price rank), verify_explanation.cc (the
// alternative, the explanation, the probing question).
//
// A Verifier checks one recommendation, once, on one thread.

#ifndef CHATCART_RECOMMEND_VERIFIER_H_
#define CHATCART_RECOMMEND_VERIFIER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "chatcart/recommend.h"
#include "recommend/rep.h"
#include "recommend/text.h"
#include "recommend/verify_terms.h"

namespace chatcart::claims {

using recommend::FormatCount;
using recommend::FormatMoney;
using recommend::FormatNumber;
using recommend::Lang;
using recommend::Msg;
using recommend::Render;
using recommend::verify::TermFacts;

class Verifier {
 public:
  Verifier(const Recommender::Rep& rep, const RecommendRequest& request, const Recommendation& rec,
           std::vector<ClaimProblem>* problems)
      : rep_(rep), c_(*rep.catalog), req_(request), rec_(rec), problems_(problems) {}

  size_t Run();

 private:
  // ---- setup: the products that fit, recomputed from the applied constraints

  bool Setup();

  // Priced, and in stock when the request asks for that.
  bool Available(ProductIndex i) const;

  bool AgeFits(ProductIndex i) const;

  // ---- reporting

  void Fail(int pick, int reason, std::string claim, std::string problem);
  // One claim checked: `ok`, else a problem.
  void Check(bool ok, int pick, int reason, const std::string& claim, std::string problem);

  // ---- values for people, as the catalog holds them

  std::optional<Money> Price(ProductIndex i) const;
  std::string MoneyText(const Money& m) const;
  std::string PriceText(ProductIndex i) const;
  std::string Unknown() const;
  std::string NumberText(AttributeId a, double v) const;
  std::string Label(AttributeId a) const;
  std::string BrandOf(ProductIndex i) const;
  bool SameProduct(ProductIndex a, ProductIndex b) const;

  // ---- picks

  void CheckPick(int p, const Pick& pick);

  void CheckReason(int p, int r, const Pick& pick, ProductIndex i, const Reason& reason);

  // A constraint the shopper stated, met.
  void CheckMeets(int p, int r, ProductIndex i, const Reason& reason);

  void CheckWithinBudget(int p, int r, ProductIndex i, const Reason& reason);

  // "Close to the X you had in mind": at or below the target, within the
  // tolerance; else "N above / below the X you had in mind", by that much.
  void CheckNearTarget(int p, int r, ProductIndex i, const Reason& reason);

  void CheckPreference(int p, int r, ProductIndex i, const Reason& reason);

  void CheckRating(int p, int r, ProductIndex i, const Reason& reason);

  // Which pick index a pick's product is, for comparisons.
  std::vector<ProductIndex> PickProducts() const;

  void CheckBestOfPicks(int p, int r, ProductIndex i, const Reason& reason);

  void CheckTradeOff(int p, int r, ProductIndex i, const Reason& reason);

  void CheckAlternativeReason(int p, int r, const Pick& pick, ProductIndex i, const Reason& reason);

  void CheckMerchant(int p, int r, const Pick& pick, ProductIndex i, const Reason& reason);

  // "Similar to X": the same category as X (or a sibling of it), not X.
  void CheckSimilar(int p, int r, ProductIndex i, const Reason& reason);

  void CheckCritique(int p, int r, ProductIndex i, const Reason& reason);

  // ---- the ladder, specs, price rank

  // The quality attributes most of the products that fit fall under.
  std::vector<QualityAttribute> Quality() const;
  // Sign-adjusted quality values (higher is better), or nullopt when the
  // product lacks one.
  std::optional<std::vector<double>> QualityValues(const std::vector<QualityAttribute>& q,
                                                   ProductIndex i) const;
  std::string Labels(const std::vector<QualityAttribute>& q) const;
  std::string MoneyOf(int64_t minor, ProductIndex i) const;

  void CheckLadder(int p, int r, const Pick& pick, ProductIndex i, const Reason& reason);

  void CheckSpec(int p, int r, ProductIndex i, const Reason& reason);

  void CheckPriceRank(int p, int r, ProductIndex i, const Reason& reason);

  // The probing question: the count it states, and each option's count.
  void CheckQuestion();

  // ---- the alternative and the explanation

  void CheckAlternative();

  void CheckExplanation();

  std::optional<TermFacts> Term(const std::string& name) const;

  const Recommender::Rep& rep_;
  const Catalog& c_;
  const RecommendRequest& req_;
  const Recommendation& rec_;
  std::vector<ClaimProblem>* problems_;
  Lang lang_ = Lang::kEnglish;
  size_t checked_ = 0;
  std::vector<ProductIndex> fit_;  // fit, not excluded, not the reference
  std::vector<ProductIndex> fitting_before_exclusion_;
  std::optional<ProductIndex> reference_;
};

}  // namespace chatcart::claims

#endif  // CHATCART_RECOMMEND_VERIFIER_H_
