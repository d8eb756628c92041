// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Engine::Create: reads a bundle and compiles every component, collecting
// every error before failing.

#include "chatcart/engine.h"

#include <chrono>
#include <utility>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "chatcart/catalog_sources.h"
#include "chatcart/v1/cart_policy.pb.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "engine/bundle_reader.h"
#include "engine/engine_rep.h"
#include "engine/intent_files.h"
#define XXH_INLINE_ALL
#include "xxhash.h"

namespace chatcart {
namespace {

using engine_internal::EngineRep;

double MillisSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

uint64_t Fingerprint(const std::vector<std::pair<std::string, std::string>>& contents) {
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  for (const auto& [name, bytes] : contents) {
    uint64_t sizes[2] = {name.size(), bytes.size()};
    XXH3_64bits_update(state, sizes, sizeof(sizes));
    XXH3_64bits_update(state, name.data(), name.size());
    XXH3_64bits_update(state, bytes.data(), bytes.size());
  }
  uint64_t hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);
  return hash;
}

void CompileIntents(const engine::BundleSources& sources, EngineRep* rep,
                    std::vector<std::string>* errors) {
  if (sources.intent_files.empty()) return;
  std::vector<IntentDefinition> definitions =
      engine::ReadIntentDefinitions(sources.intent_files, errors);
  IntentModelOptions options;
  options.default_language = rep->default_language;
  options.max_text_chars = rep->max_text_chars;
  const v1::UnderstandingPolicy& policy = sources.bundle.understanding();
  const std::string where = sources.bundle_source.Where({{"understanding", -1}});
  if (policy.has_oos_threshold()) {
    if (!(policy.oos_threshold() >= 0 && policy.oos_threshold() <= 1)) {
      errors->push_back(absl::StrCat(where, ": understanding.oos_threshold: want a confidence in ",
                                     "[0, 1], got ", policy.oos_threshold()));
      return;
    }
    options.oos_threshold = policy.oos_threshold();
  }
  if (policy.has_oos_target_recall()) {
    if (!(policy.oos_target_recall() > 0 && policy.oos_target_recall() <= 1)) {
      errors->push_back(absl::StrCat(where, ": understanding.oos_target_recall: want a share in ",
                                     "(0, 1], got ", policy.oos_target_recall()));
      return;
    }
    options.oos_target_recall = policy.oos_target_recall();
  }
  absl::StatusOr<std::shared_ptr<const IntentModel>> model =
      IntentModel::Build(definitions, options);
  if (!model.ok()) {
    errors->push_back(std::string(model.status().message()));
    return;
  }
  rep->intents = *std::move(model);
  rep->stats.intents = rep->intents->stats().intents;
  rep->stats.examples = rep->intents->stats().examples;
  rep->stats.intent_train_ms = rep->intents->stats().train_ms;
}

void CompileCatalog(const engine::BundleSources& sources, EngineRep* rep,
                    std::vector<std::string>* errors) {
  if (sources.catalog_products.name.empty() || sources.catalog_mapping.name.empty()) return;
  absl::StatusOr<v1::CatalogMapping> mapping =
      ParseCatalogMapping(sources.catalog_mapping.bytes, sources.catalog_mapping.name);
  if (!mapping.ok()) {
    errors->push_back(std::string(mapping.status().message()));
    return;
  }
  CatalogLoadOptions options;
  options.lenient = rep->options.lenient_catalog;
  absl::StatusOr<std::shared_ptr<const Catalog>> catalog = Catalog::FromJsonlText(
      sources.catalog_products.bytes, sources.catalog_products.name, *mapping, options);
  if (!catalog.ok()) {
    errors->push_back(std::string(catalog.status().message()));
    return;
  }
  rep->catalog = *std::move(catalog);
  rep->stats.products = rep->catalog->size();
  RecommenderOptions recommender_options;
  if (!rep->catalog->FindAttribute(recommender_options.review_count_attribute).has_value()) {
    recommender_options.review_count_attribute.clear();
  }
  for (std::string* name :
       {&recommender_options.age_min_attribute, &recommender_options.age_max_attribute}) {
    if (!rep->catalog->FindAttribute(*name).has_value()) name->clear();
  }
  absl::StatusOr<std::shared_ptr<const Recommender>> recommender =
      Recommender::Create(rep->catalog, recommender_options);
  if (!recommender.ok()) {
    errors->push_back(
        absl::StrCat(sources.catalog_products.name, ": ", recommender.status().message()));
    return;
  }
  rep->recommender = *std::move(recommender);
  auto catalog_sources = std::make_shared<const CatalogSources>(rep->catalog);
  if (rep->prices == nullptr) rep->prices = catalog_sources;
  if (rep->stock == nullptr) rep->stock = catalog_sources;
  for (std::string_view currency : rep->catalog->currencies()) {
    if (currency != rep->currency) {
      errors->push_back(absl::StrCat(sources.catalog_products.name, ": prices in ",
                                     std::string(currency), " but the store sells in ",
                                     rep->currency));
    }
  }
}

void CompileCartPolicy(const engine::BundleSources& sources, EngineRep* rep,
                       std::vector<std::string>* errors) {
  if (sources.cart_policy.name.empty()) return;
  v1::CartPolicy proto;
  absl::StatusOr<dialogue::TextSource> source =
      dialogue::TextSource::Parse(sources.cart_policy.name, sources.cart_policy.bytes, &proto);
  if (!source.ok()) {
    errors->push_back(std::string(source.status().message()));
    return;
  }
  if (proto.currency() != rep->currency) {
    errors->push_back(absl::StrCat(source->Where({{"currency", -1}}), ": cart policy currency \"",
                                   proto.currency(), "\" differs from the store's ",
                                   rep->currency));
    return;
  }
  absl::StatusOr<std::shared_ptr<const CartPolicy>> policy = CartPolicy::Create(proto);
  if (!policy.ok()) {
    errors->push_back(absl::StrCat(sources.cart_policy.name, ": ", policy.status().message()));
    return;
  }
  rep->cart_policy = *std::move(policy);
}

void CompileEntities(EngineRep* rep, std::vector<std::string>* errors) {
  EntityExtractorOptions options;
  options.currency = rep->currency;
  options.languages.clear();
  for (const std::string& locale : rep->locales) {
    options.languages.push_back(locale.substr(0, locale.find_first_of("-_")));
  }
  options.catalog = rep->catalog.get();
  options.max_text_chars = rep->max_text_chars;
  absl::StatusOr<std::shared_ptr<const EntityExtractor>> extractor =
      EntityExtractor::Create(options);
  if (!extractor.ok()) {
    errors->push_back(absl::StrCat("bundle.textproto: store: ", extractor.status().message()));
    return;
  }
  rep->entities = *std::move(extractor);
}

// Commerce actions need the components they act on.
void CheckActionsHaveComponents(const dialogue::FlowGraph& graph, const EngineRep& rep,
                                std::vector<std::string>* errors) {
  for (int f = 0; f < graph.flow_count(); ++f) {
    const dialogue::FlowSpec& flow = graph.flow(f);
    auto check = [&](const v1::Action& action, const std::string& where) {
      switch (action.kind_case()) {
        case v1::Action::kRecommend:
          if (rep.catalog == nullptr) {
            errors->push_back(absl::StrCat(where, ": flow \"", flow.id(),
                                           "\": recommend needs a catalog in the bundle"));
            break;
          }
          for (const std::string& where_clause : action.recommend().where()) {
            absl::StatusOr<Constraint> c = Constraint::Parse(where_clause);
            if (!c.ok()) {
              errors->push_back(absl::StrCat(where, ": flow \"", flow.id(),
                                             "\": recommend.where: ", c.status().message()));
            }
          }
          for (const std::string& prefer : action.recommend().prefer()) {
            absl::StatusOr<Preference> p = Preference::Parse(prefer);
            if (!p.ok()) {
              errors->push_back(absl::StrCat(where, ": flow \"", flow.id(),
                                             "\": recommend.prefer: ", p.status().message()));
            }
          }
          break;
        case v1::Action::kShowProduct:
          if (rep.catalog == nullptr) {
            errors->push_back(absl::StrCat(where, ": flow \"", flow.id(),
                                           "\": show_product needs a catalog in the bundle"));
          }
          break;
        case v1::Action::kAddToCart:
        case v1::Action::kChangeQuantity:
        case v1::Action::kRemoveFromCart:
        case v1::Action::kApplyCode:
        case v1::Action::kShowCart:
        case v1::Action::kRequestConfirmation:
        case v1::Action::kPlaceOrder:
        case v1::Action::kAmendOrder:
        case v1::Action::kTrackOrder:
          if (rep.cart_policy == nullptr || rep.catalog == nullptr) {
            errors->push_back(
                absl::StrCat(where, ": flow \"", flow.id(),
                             "\": cart and order actions need a catalog and a cart_policy_file"));
          }
          break;
        default:
          break;
      }
    };
    for (const dialogue::StateSpec& state : flow.states) {
      for (const v1::Action& action : state.proto->action()) check(action, flow.where);
      for (const dialogue::RouteSpec& route : state.routes) {
        for (const v1::Action& action : route.proto->action()) check(action, flow.where);
      }
    }
  }
}

}  // namespace

absl::StatusOr<std::shared_ptr<const Engine>> Engine::Create(std::string_view bundle_dir,
                                                             const EngineOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<std::string> errors;
  engine::BundleSources sources = engine::ReadBundle(bundle_dir, &errors);
  if (!errors.empty() && sources.bundle.name().empty()) {
    return absl::NotFoundError(absl::StrJoin(errors, "\n"));
  }
  auto rep = std::make_unique<EngineRep>();
  rep->options = options;
  rep->prices = options.prices;
  rep->stock = options.stock;
  const v1::Bundle& bundle = sources.bundle;
  rep->identity = {bundle.name(), bundle.version(), Fingerprint(sources.contents)};
  rep->currency = bundle.store().currency();
  rep->locales.assign(bundle.store().locale().begin(), bundle.store().locale().end());
  if (!rep->locales.empty()) {
    const std::string& first = rep->locales.front();
    rep->default_language = first.substr(0, first.find_first_of("-_"));
  }
  rep->max_text_chars = options.max_text_chars > 0 ? options.max_text_chars
                        : bundle.session().max_text_chars() > 0
                            ? static_cast<size_t>(bundle.session().max_text_chars())
                            : 2000;

  if (const std::string& zone = bundle.store().time_zone(); !zone.empty()) {
    if (!absl::LoadTimeZone(zone, &rep->time_zone)) {
      errors.push_back(absl::StrCat(sources.bundle_source.Where({{"store", -1}}),
                                    ": store.time_zone: unknown time zone \"", zone,
                                    "\" (want an IANA name such as Europe/Rome)"));
    }
  }
  for (int hour : {bundle.proactive().quiet_start_hour(), bundle.proactive().quiet_end_hour()}) {
    if (hour < 0 || hour > 23) {
      errors.push_back(absl::StrCat(sources.bundle_source.Where({{"proactive", -1}}),
                                    ": proactive: quiet hours are 0 to 23 (got ", hour, ")"));
    }
  }
  rep->quiet_start_hour = bundle.proactive().quiet_start_hour();
  rep->quiet_end_hour = bundle.proactive().quiet_end_hour();

  rep->templates = std::make_unique<dialogue::TemplateCatalog>(
      dialogue::TemplateCatalog::Compile(sources.templates, rep->locales, &errors));
  CompileIntents(sources, rep.get(), &errors);
  CompileCatalog(sources, rep.get(), &errors);
  CompileCartPolicy(sources, rep.get(), &errors);
  CompileEntities(rep.get(), &errors);

  dialogue::FlowGraph::Options graph_options;
  if (bundle.session().max_slot_attempts() > 0) {
    graph_options.default_max_attempts = bundle.session().max_slot_attempts();
  }
  const IntentModel* intents = rep->intents.get();
  graph_options.intent_known = [intents](std::string_view name) {
    if (intents == nullptr) return false;
    for (const std::string& intent : intents->intents()) {
      if (intent == name) return true;
    }
    return false;
  };
  rep->graph = dialogue::FlowGraph::Compile(bundle, sources.bundle_source, std::move(sources.flows),
                                            *rep->templates, graph_options, &errors);
  CheckActionsHaveComponents(*rep->graph, *rep, &errors);
  if (bundle.handoff().enabled() && bundle.handoff().intent().empty()) {
    errors.push_back(absl::StrCat(sources.bundle_source.Where({{"handoff", -1}}),
                                  ": handoff.intent is required when handoff is enabled"));
  }
  if (!errors.empty()) {
    return absl::InvalidArgumentError(
        absl::StrCat("bundle ", std::string(bundle_dir), " has ", errors.size(),
                     errors.size() == 1 ? " error:\n" : " errors:\n", absl::StrJoin(errors, "\n")));
  }

  for (int f = 0; f < rep->graph->flow_count(); ++f) {
    const dialogue::FlowSpec& flow = rep->graph->flow(f);
    rep->stats.flows += 1;
    rep->stats.states += static_cast<int>(flow.states.size());
    for (const dialogue::SlotSpec& slot : flow.slots) {
      const std::string& key = slot.proto->profile_key();
      if (key.empty()) continue;
      bool known = false;
      for (const auto& [k, name] : rep->profile_slots) known = known || k == key;
      if (!known) rep->profile_slots.emplace_back(key, slot.name);
    }
  }
  dialogue::RuntimeConfig config;
  config.currency = rep->currency;
  config.store_name = bundle.store().display_name();
  config.idle_reset_ms =
      (bundle.session().idle_reset_seconds() > 0 ? bundle.session().idle_reset_seconds() : 1800) *
      int64_t{1000};
  config.min_confidence = bundle.handoff().min_confidence();
  config.handoff_enabled = bundle.handoff().enabled();
  config.handoff_intent = bundle.handoff().intent();
  if (bundle.handoff().offer_after_misses() > 0) {
    config.offer_human_after = bundle.handoff().offer_after_misses();
  }
  rep->runtime = std::make_unique<dialogue::Runtime>(*rep->graph, *rep->templates, config);
  rep->stats.load_ms = MillisSince(start);

  std::shared_ptr<Engine> engine(new Engine(std::move(rep)));
  engine->self_ = engine;
  return std::shared_ptr<const Engine>(std::move(engine));
}

Engine::Engine(std::unique_ptr<engine_internal::EngineRep> rep) : rep_(std::move(rep)) {}
Engine::~Engine() = default;

const BundleIdentity& Engine::identity() const { return rep_->identity; }
const EngineLoadStats& Engine::load_stats() const { return rep_->stats; }
const std::string& Engine::currency() const { return rep_->currency; }
const std::vector<std::string>& Engine::locales() const { return rep_->locales; }
const IntentModel* Engine::intent_model() const { return rep_->intents.get(); }
const Catalog* Engine::catalog() const { return rep_->catalog.get(); }
const EntityExtractor* Engine::entity_extractor() const { return rep_->entities.get(); }
const Recommender* Engine::recommender() const { return rep_->recommender.get(); }

}  // namespace chatcart
