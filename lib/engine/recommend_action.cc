// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The recommend action of CommerceExecutor (commerce.h): the request a
// flow's slots and the shopper's wishes make, its picks as cards, the
// relaxation's products when nothing fits, and the few that fit before a
// flow's first question.

#include <algorithm>
#include <limits>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "engine/commerce.h"
#include "engine/wishes.h"

namespace chatcart::engine {

namespace {

using dialogue::TurnContext;

// The shopper's budget slot as the recommender's budget: under = at most,
// over = at least, around = a soft target and at most 30 % over it, an
// exact amount = at most.
Budget BudgetFromSlot(const dialogue::SlotValue& slot) {
  Budget budget;
  const dialogue::Budget& b = slot.budget;
  switch (b.kind) {
    case dialogue::Budget::Kind::kAround:
      budget.around = b.max.has_value() ? b.max : b.min;
      // "Budget around 600" is no 1,299 laptop: at most 30 % over the
      // target (the recommender's relaxations still say what a bit more
      // would buy).
      if (budget.around.has_value()) {
        const int64_t target = budget.around->minor_units();
        if (target > 0 && target <= std::numeric_limits<int64_t>::max() / 13) {
          absl::StatusOr<Money> most =
              Money::FromMinorUnits(target * 13 / 10, budget.around->currency());
          if (most.ok()) budget.max = *most;
        }
      }
      break;
    case dialogue::Budget::Kind::kOver:
      budget.min = b.min.has_value() ? b.min : b.max;
      break;
    case dialogue::Budget::Kind::kBetween:
      budget.min = b.min;
      budget.max = b.max;
      break;
    case dialogue::Budget::Kind::kExact:
    case dialogue::Budget::Kind::kUnder:
      budget.max = b.max.has_value() ? b.max : b.min;
      break;
  }
  return budget;
}

}  // namespace

absl::StatusOr<RecommendRequest> CommerceExecutor::RequestFor(const v1::RecommendAction& action,
                                                              TurnContext& turn) const {
  RecommendRequest request;
  request.where.assign(action.where().begin(), action.where().end());
  if (const dialogue::SlotValue* budget = turn.Slot(action.budget_slot());
      budget != nullptr && !budget->any) {
    request.budget = BudgetFromSlot(*budget);
  }
  if (const dialogue::SlotValue* age = turn.Slot(action.age_slot()); age != nullptr && !age->any) {
    request.age = static_cast<int>(age->number);
  }
  const bool widen = turn.refinement() != nullptr && turn.refinement()->widen;
  for (const std::string& pair : action.slot_attribute()) {
    if (widen) break;  // "something else" once all that fits was shown
    std::pair<std::string, std::string> sa = absl::StrSplit(pair, absl::MaxSplits('=', 1));
    const dialogue::SlotValue* value = turn.Slot(sa.first);
    if (value == nullptr || value->text.empty() || value->any) continue;
    std::vector<std::string> values = absl::StrSplit(value->text, ',', absl::SkipEmpty());
    std::optional<AttributeId> attribute = engine_.catalog->FindAttribute(sa.second);
    // Devices must all be served ("works with all of"); other values are
    // alternatives ("nere o blu": black or blue).
    if (!attribute.has_value() || engine_.catalog->attributes()[*attribute].compatibility) {
      ContainsAll all;
      all.attribute = sa.second;
      all.values = std::move(values);
      request.contains_all.push_back(std::move(all));
      continue;
    }
    const AttributeInfo& info = engine_.catalog->attributes()[*attribute];
    if (NamesSize(info)) {
      for (std::string& v : values) v = SizeIn(v, info.unit);
    }
    request.where.push_back(absl::StrCat(sa.second, "=", absl::StrJoin(values, "|")));
  }
  for (const std::string& text : action.prefer()) {
    CHATCART_ASSIGN_OR_RETURN(Preference preference, Preference::Parse(text));  // checked at load
    request.prefer.push_back(std::move(preference));
  }
  for (const std::string& approach : action.other_approach()) {
    request.other_approaches.push_back(absl::StrSplit(approach, ';', absl::SkipEmpty()));
  }
  request.top = action.top() > 0 ? action.top() : 3;
  request.locale = turn.language();
  request.ladder = static_cast<LadderMode>(action.ladder());
  // The answer to an earlier probing question narrows; else ask one when broad.
  const dialogue::SlotValue* probed =
      action.probe_slot().empty() ? nullptr : turn.Slot(action.probe_slot());
  if (probed != nullptr && !probed->text.empty()) {
    for (absl::string_view w : absl::StrSplit(probed->text, ';', absl::SkipEmpty())) {
      request.where.emplace_back(w);
    }
  } else if (action.probe_at() > 0 && !action.probe_slot().empty()) {
    request.probe_at = static_cast<size_t>(action.probe_at());
  }
  // A critique of what was shown: the same search, refined, without what
  // the shopper has seen.
  const dialogue::ShownContext* refine = turn.refinement();
  if (refine != nullptr) {
    request.where.insert(request.where.end(), refine->where.begin(), refine->where.end());
    for (const std::string& text : refine->critiques) {
      absl::StatusOr<Critique> critique = Critique::Parse(text);
      if (critique.ok()) request.critiques.push_back(*critique);
    }
    if (!request.critiques.empty() && engine_.catalog->FindById(refine->reference).has_value()) {
      request.reference = refine->reference;
    }
    for (const std::string& id : refine->seen) {
      if (id != request.reference && engine_.catalog->FindById(id).has_value()) {
        request.exclude.push_back(id);
      }
    }
  }
  return request;
}

absl::Status CommerceExecutor::Recommend(const v1::RecommendAction& action, TurnContext& turn) {
  CHATCART_ASSIGN_OR_RETURN(RecommendRequest request, RequestFor(action, turn));
  const dialogue::ShownContext* refine = turn.refinement();
  AddWishesThatFit(turn.wishes(), action, turn, &request);
  absl::StatusOr<Recommendation> result = engine_.recommender->Recommend(request);
  if (!result.ok()) {
    // The request's hard parts come from the shopper (a budget in another
    // currency, a minimum above the maximum): say so.
    if (result.status().code() == absl::StatusCode::kInvalidArgument) {
      const bool currency =
          (request.budget.max && request.budget.max->currency() != engine_.currency) ||
          (request.budget.min && request.budget.min->currency() != engine_.currency) ||
          (request.budget.around && request.budget.around->currency() != engine_.currency);
      if (currency) {
        turn.AddEvent("command_refused", {{"code", "INVALID_ARGUMENT"},
                                          {"message", std::string(result.status().message())}});
        turn.Say("chatcart.other_currency", {{"currency", engine_.currency}});
      } else {
        SayFailure(result.status(), turn);
      }
      return absl::OkStatus();
    }
    return result.status();
  }
  const Recommendation& recommendation = *result;
  if (recommendation.question.has_value()) {
    const Question& question = *recommendation.question;
    turn.AddEvent("probed", {{"matches", absl::StrCat(recommendation.matches)},
                             {"attribute", question.attribute}});
    v1::Reply* reply = turn.Say("chatcart.probe", {{"question", question.text}});
    for (const QuestionOption& option : question.options) {
      v1::QuickReplyOption* quick = reply->add_quick_replies();
      quick->set_title(option.value);
      quick->set_payload(absl::StrCat(action.probe_slot(), "=", absl::StrJoin(option.where, ";")));
    }
    return absl::OkStatus();
  }
  turn.AddEvent("recommended", {{"matches", absl::StrCat(recommendation.matches)},
                                {"picks", absl::StrCat(recommendation.picks.size())}});
  if (recommendation.picks.empty() && refine == nullptr) {
    // Nothing in stock: does it exist, sold out? Say so rather than only
    // what would fit with other choices.
    RecommendRequest any_stock = request;
    any_stock.in_stock_only = false;
    any_stock.top = 1;
    std::erase_if(any_stock.where, [](const std::string& w) { return w.starts_with("stock"); });
    absl::StatusOr<Recommendation> sold_out = engine_.recommender->Recommend(any_stock);
    if (sold_out.ok() && !sold_out->picks.empty()) {
      const ProductIndex i = sold_out->picks.front().product;
      const std::string variant = VariantText(i, turn.language());
      turn.Say("chatcart.sold_out_match",
               {{"product", variant.empty() ? std::string(engine_.catalog->product_name(i))
                                            : absl::StrCat(ToAbsl(engine_.catalog->product_name(i)),
                                                           " (", variant, ")")}});
    }
  }
  if (recommendation.picks.empty()) {
    if (refine != nullptr) {
      turn.Say("chatcart.refined_none");
    } else if (!action.none().empty()) {
      turn.Say(action.none());
    }
    if (!recommendation.explanation.empty()) {
      turn.Say("chatcart.picks_none", {{"proposal", recommendation.explanation}});
    }
    if (refine == nullptr) ShowRelaxed(request, recommendation, turn);
    return absl::OkStatus();
  }
  // The same list again is no answer: say that nothing else fits.
  std::vector<std::string> ids;
  for (const Pick& pick : recommendation.picks) ids.push_back(pick.id);
  if ((refine != nullptr || turn.rerunning()) && ids == turn.last_shown() &&
      !turn.last_shown_relaxed()) {
    turn.Say("chatcart.same_picks");
    return absl::OkStatus();
  }
  const int64_t count = static_cast<int64_t>(recommendation.picks.size());
  v1::Reply* reply = refine != nullptr && !turn.refinement_intro().empty()
                         ? turn.Say(turn.refinement_intro(), {{"count", count}})
                     : action.intro().empty() ? turn.LastReply()
                                              : turn.Say(action.intro(), {{"count", count}});
  std::vector<std::string> shown;
  auto add_card = [&](const Pick& pick) {
    v1::ProductCard* card = reply->add_products();
    card->set_product_id(pick.id);
    card->set_name(pick.name);
    if (pick.price.has_value()) {
      MoneyToProto(*pick.price, card->mutable_price());
      card->set_price_text(Format(*pick.price, turn));
    }
    for (const Reason& reason : pick.reasons) {
      if (!reason.text.empty()) card->add_reasons(reason.text);
    }
    Product product = engine_.catalog->product(pick.product);
    card->set_image(std::string(product.image));
    card->set_url(std::string(product.url));
    shown.push_back(pick.id);
  };
  for (const Pick& pick : recommendation.picks) add_card(pick);
  if (recommendation.other_approach.has_value()) add_card(*recommendation.other_approach);
  turn.set_last_shown(std::move(shown));
  return absl::OkStatus();
}

namespace {

// The request with `relaxation` applied, when it changes only the price (the
// budget or a price where-clause): a bit more money is an offer; another
// size, colour or age is not what the shopper can use.
std::optional<RecommendRequest> Relaxed(const RecommendRequest& request,
                                        const Recommendation& recommendation,
                                        const Relaxation& relaxation) {
  RecommendRequest relaxed = request;
  for (const RelaxationChange& change : relaxation.changes) {
    if (change.constraint >= recommendation.constraints.size()) return std::nullopt;
    const AppliedConstraint& c = recommendation.constraints[change.constraint];
    if (c.origin == AppliedConstraint::kBudget) {
      relaxed.budget = Budget();
    } else if (c.origin == AppliedConstraint::kWhere) {
      absl::StatusOr<Constraint> said = Constraint::Parse(c.text);
      if (!said.ok() || absl::AsciiStrToLower(said->field) != "price") return std::nullopt;
      auto same = [&](const std::string& w) {
        absl::StatusOr<Constraint> other = Constraint::Parse(w);
        return w == c.text || (other.ok() && other->ToString() == said->ToString());
      };
      auto at = std::find_if(relaxed.where.begin(), relaxed.where.end(), same);
      if (at == relaxed.where.end()) return std::nullopt;
      relaxed.where.erase(at);
    } else {
      return std::nullopt;
    }
    if (!change.to.empty()) relaxed.where.push_back(change.to);
  }
  relaxed.probe_at = 0;
  return relaxed;
}

}  // namespace

void CommerceExecutor::ShowRelaxed(const RecommendRequest& request,
                                   const Recommendation& recommendation, TurnContext& turn) {
  if (recommendation.relaxations.empty()) return;
  std::optional<RecommendRequest> relaxed =
      Relaxed(request, recommendation, recommendation.relaxations.front());
  if (!relaxed.has_value()) return;
  absl::StatusOr<Recommendation> closest = engine_.recommender->Recommend(*relaxed);
  if (!closest.ok() || closest->picks.empty()) return;
  const std::vector<std::string> ids = SayCards("chatcart.relaxed_picks", closest->picks, turn);
  turn.AddEvent("relaxed", {{"picks", absl::StrCat(ids.size())}});
  turn.set_shown_relaxed();
}

int CommerceExecutor::WishesFitting(const v1::RecommendAction& action, TurnContext& turn) const {
  if (turn.wishes().empty()) return 0;
  absl::StatusOr<RecommendRequest> request = RequestFor(action, turn);
  if (!request.ok()) return 0;
  RecommendRequest narrower = *request;
  AddWishesThatFit(turn.wishes(), action, turn, &narrower);
  return static_cast<int>(narrower.where.size() - request->where.size());
}

absl::StatusOr<bool> CommerceExecutor::ShowFewThatFit(const v1::RecommendAction& action,
                                                      TurnContext& turn) {
  if (turn.wishes().empty()) return false;
  CHATCART_ASSIGN_OR_RETURN(RecommendRequest request, RequestFor(action, turn));
  AddWishesThatFit(turn.wishes(), action, turn, &request);
  request.probe_at = 0;
  absl::StatusOr<Recommendation> result = engine_.recommender->Recommend(request);
  if (!result.ok() || result->picks.empty() || result->matches > static_cast<size_t>(request.top)) {
    return false;
  }
  const std::vector<std::string> ids = SayCards("chatcart.search_results", result->picks, turn);
  turn.AddEvent("searched", {{"matches", absl::StrCat(ids.size())}});
  if (ids.size() == 1) turn.set_focus(ids.front());
  return true;
}

void CommerceExecutor::AddWishes(const dialogue::Understanding& understanding,
                                 std::vector<std::string>* wishes) const {
  if (engine_.catalog_words == nullptr) return;
  // Read once per turn: a flow the turn starts asks again.
  if (!wishes_read_ || wishes_words_ != understanding.words) {
    wishes_said_ = WishesIn(*engine_.catalog_words, understanding);
    wishes_words_ = understanding.words;
    wishes_read_ = true;
  }
  if (!wishes_said_.empty()) *wishes = MergeWishes(std::move(*wishes), wishes_said_);
}

void CommerceExecutor::AddWishesThatFit(const std::vector<std::string>& wishes,
                                        const v1::RecommendAction& action, TurnContext& turn,
                                        RecommendRequest* request) const {
  if (wishes.empty()) return;
  // Fields the action's own slots filter on: their answers say it.
  std::vector<std::string> answered;
  for (const std::string& pair : action.slot_attribute()) {
    const size_t eq = pair.find('=');
    const dialogue::SlotValue* value = turn.Slot(pair.substr(0, eq));
    if (value != nullptr && !value->text.empty() && !value->any) {
      answered.push_back(absl::AsciiStrToLower(pair.substr(eq + 1)));
    }
  }
  for (const std::string& wish : wishes) {
    if (std::find(answered.begin(), answered.end(), absl::AsciiStrToLower(WishField(wish))) !=
        answered.end()) {
      continue;
    }
    // Kept only while something still fits (a wish narrows, never empties);
    // one said "if possible" only while a full choice does.
    const bool soft = wish.starts_with(kSoftWish);
    const std::string clause = soft ? wish.substr(kSoftWish.size()) : wish;
    RecommendRequest narrower = *request;
    narrower.where.push_back(clause);
    narrower.probe_at = 0;
    absl::StatusOr<Recommendation> tried = engine_.recommender->Recommend(narrower);
    if (!tried.ok() || tried->picks.empty() ||
        (soft && tried->picks.size() < static_cast<size_t>(request->top))) {
      continue;
    }
    request->where.push_back(clause);
    turn.AddEvent("wish", {{"where", clause}});
  }
}

absl::StatusOr<bool> CommerceExecutor::RefineFound(const dialogue::ShownContext& context,
                                                   std::string_view intro, TurnContext& turn) {
  if (engine_.catalog == nullptr || engine_.recommender == nullptr || context.seen.empty()) {
    return false;
  }
  const Catalog& catalog = *engine_.catalog;
  std::optional<ProductIndex> first = catalog.FindById(context.seen.front());
  if (!first.has_value()) return false;
  const std::string& category = catalog.categories()[catalog.product(*first).category].name;
  if (category.empty()) return false;
  RecommendRequest request;
  request.where.push_back(absl::StrCat("category=", category));
  request.where.insert(request.where.end(), context.where.begin(), context.where.end());
  for (const std::string& text : context.critiques) {
    absl::StatusOr<Critique> critique = Critique::Parse(text);
    if (critique.ok()) request.critiques.push_back(*critique);
  }
  if (!request.critiques.empty() && catalog.FindById(context.reference).has_value()) {
    request.reference = context.reference;
  }
  for (const std::string& id : context.seen) {
    if (id != request.reference && catalog.FindById(id).has_value()) request.exclude.push_back(id);
  }
  // Devices said with it ("anything cheaper that still works with android?").
  for (const dialogue::Entity& e : turn.understanding().entities) {
    if (e.type != "compatibility") continue;
    for (const AttributeInfo& info : catalog.attributes()) {
      if (!info.compatibility) continue;
      ContainsAll all;
      all.attribute = info.name;
      for (absl::string_view v : absl::StrSplit(e.value.text, ',', absl::SkipEmpty())) {
        all.values.emplace_back(v);
      }
      if (!all.values.empty()) request.contains_all.push_back(std::move(all));
      break;
    }
  }
  request.top = 3;
  request.locale = turn.language();
  absl::StatusOr<Recommendation> result = engine_.recommender->Recommend(request);
  if (!result.ok()) return false;
  turn.AddEvent("recommended", {{"matches", absl::StrCat(result->matches)},
                                {"picks", absl::StrCat(result->picks.size())}});
  if (result->picks.empty()) {
    turn.Say("chatcart.refined_none");
    if (!result->explanation.empty()) {
      turn.Say("chatcart.picks_none", {{"proposal", result->explanation}});
    }
    return true;
  }
  SayCards(intro, result->picks, turn);
  return true;
}

std::vector<std::string> CommerceExecutor::SayCards(std::string_view template_id,
                                                    const std::vector<Pick>& picks,
                                                    TurnContext& turn) const {
  v1::Reply* reply = turn.Say(template_id, {{"count", static_cast<int64_t>(picks.size())}});
  std::vector<std::string> ids;
  for (const Pick& pick : picks) {
    AddProductCard(reply, pick.product, turn);
    ids.push_back(pick.id);
  }
  turn.set_last_shown(ids);
  return ids;
}

}  // namespace chatcart::engine
