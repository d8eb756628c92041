// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Engine::Create: reads a bundle and compiles every component, collecting
// every error before failing.

#include "chatcart/engine.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "chatcart/catalog_sources.h"
#include "chatcart/channels.h"
#include "chatcart/v1/cart_policy.pb.h"
#include "chatcart/v1/catalog_mapping.pb.h"
#include "common/locale.h"
#include "common/strings.h"
#include "engine/bundle_reader.h"
#include "engine/engine_rep.h"
#include "engine/understand.h"
#include "text/language.h"
#include "text/tokenize.h"
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

// What the bundle says in each language besides its intents' examples, for
// telling its languages apart: its templates and its entity words.
std::vector<IntentExample> LanguageTexts(const engine::BundleSources& sources,
                                         const EngineRep& rep) {
  std::vector<IntentExample> texts;
  for (const dialogue::TemplateCatalog::File& file : sources.templates) {
    const std::string language(LocaleLanguage(file.set.locale()));
    if (!text::ParseLanguage(language).has_value()) continue;
    for (const v1::Template& t : file.set.template_()) {
      for (const std::string& variant : t.variant()) texts.push_back({variant, language, ""});
    }
  }
  if (rep.entities != nullptr) {
    for (const std::string& locale : rep.locales) {
      const std::string language(LocaleLanguage(locale));
      for (std::string& word : rep.entities->Words(language)) {
        texts.push_back({std::move(word), language, ""});
      }
    }
  }
  return texts;
}

void CompileIntents(const engine::BundleSources& sources, EngineRep* rep,
                    std::vector<std::string>* errors) {
  if (sources.intent_files.empty()) return;
  std::vector<IntentDefinition> definitions;
  for (const engine::BundleFile& file : sources.intent_files) {
    if (absl::Status read = ReadIntentSet(file.name, file.bytes, &definitions); !read.ok()) {
      errors->push_back(std::string(read.message()));
    }
  }
  // Catalog mentions in the examples read as one neutral word, as turns are
  // read (understand.h): "add the fire station" teaches adding, not stations.
  if (rep->entities != nullptr) {
    ExtractResult extracted;
    std::string masked;
    for (IntentDefinition& def : definitions) {
      for (IntentExample& ex : def.examples) {
        rep->entities->Extract(ex.text, ex.language.empty() ? rep->default_language : ex.language,
                               &extracted);
        if (engine::MaskCatalogMentions(ex.text, extracted.entities, &masked)) ex.text = masked;
      }
    }
  }
  IntentModelOptions options;
  options.default_language = rep->default_language;
  options.max_text_chars = rep->max_text_chars;
  options.language_texts = LanguageTexts(sources, *rep);
  const v1::UnderstandingPolicy& policy = sources.bundle.understanding();
  if (policy.has_oos_threshold()) {
    const std::string where =
        sources.bundle_source.Where({{"understanding", -1}, {"oos_threshold", -1}});
    if (!(policy.oos_threshold() >= 0 && policy.oos_threshold() <= 1)) {
      errors->push_back(absl::StrCat(where, ": understanding.oos_threshold: want a confidence in ",
                                     "[0, 1], got ", policy.oos_threshold()));
      return;
    }
    options.oos_threshold = policy.oos_threshold();
  }
  if (policy.has_oos_target_recall()) {
    const std::string where =
        sources.bundle_source.Where({{"understanding", -1}, {"oos_target_recall", -1}});
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
  rep->catalog_words = std::make_shared<const engine::CatalogWords>(rep->catalog);
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

// A cart policy's categories and products are the catalog's: a category is
// its full path ("Toys > Puzzles"), as the cart compares them.
void CheckCartPolicyAgainstCatalog(const v1::CartPolicy& policy, const TextSource& source,
                                   const Catalog& catalog, std::vector<std::string>* errors) {
  absl::flat_hash_set<std::string> paths;
  for (CategoryId c = 1; c < catalog.categories().size(); ++c)
    paths.insert(catalog.CategoryPath(c));
  auto check_category = [&](const std::string& category, const std::string& where,
                            std::string_view what) {
    if (category.empty() || paths.contains(category)) return;
    std::vector<std::string> near;
    for (CategoryId c : catalog.FindCategories(category)) near.push_back(catalog.CategoryPath(c));
    errors->push_back(absl::StrCat(
        where, ": ", ToAbsl(what), " category \"", category,
        "\" is no category path of the catalog",
        near.empty()
            ? std::string()
            : absl::StrCat(" (the full path: \"", absl::StrJoin(near, "\" or \""), "\")")));
  };
  for (int i = 0; i < policy.tax().rates_size(); ++i) {
    check_category(policy.tax().rates(i).category(),
                   source.Where({{"tax", -1}, {"rates", i}, {"category", -1}}), "tax rate");
  }
  for (int i = 0; i < policy.discount_codes_size(); ++i) {
    const v1::DiscountCode& code = policy.discount_codes(i);
    const std::string what = absl::StrCat("discount code ", code.code(), ":");
    for (int k = 0; k < code.categories_size(); ++k) {
      check_category(code.categories(k), source.Where({{"discount_codes", i}, {"categories", k}}),
                     what);
    }
    for (int k = 0; k < code.product_ids_size(); ++k) {
      if (!catalog.FindById(code.product_ids(k)).has_value()) {
        errors->push_back(absl::StrCat(source.Where({{"discount_codes", i}, {"product_ids", k}}),
                                       ": ", what, " product \"", code.product_ids(k),
                                       "\" is not in the catalog"));
      }
    }
  }
}

void CompileCartPolicy(const engine::BundleSources& sources, EngineRep* rep,
                       std::vector<std::string>* errors) {
  if (sources.cart_policy.name.empty()) return;
  v1::CartPolicy proto;
  absl::StatusOr<TextSource> source =
      TextSource::Parse(sources.cart_policy.name, sources.cart_policy.bytes, &proto);
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
  if (rep->catalog != nullptr) CheckCartPolicyAgainstCatalog(proto, *source, *rep->catalog, errors);
  rep->cart_policy = *std::move(policy);
}

// The values of the catalog's compatibility attributes ("iphone", "android"),
// or empty when it has none.
std::vector<std::string> CompatibilityValues(const Catalog& catalog) {
  std::vector<std::string> values;
  for (const AttributeInfo& a : catalog.attributes()) {
    if (!a.compatibility) continue;
    if (a.type != AttributeType::kString && a.type != AttributeType::kEnum &&
        a.type != AttributeType::kList) {
      continue;
    }
    for (const std::string& v : catalog.dictionary(a.id)) values.push_back(v);
  }
  return values;
}

// understanding.device and understanding.pair_category, checked against the
// catalog; errors name the bundle file and line.
void AddUnderstandingVocabulary(const engine::BundleSources& sources, const EngineRep& rep,
                                EntityExtractorOptions* options, std::vector<std::string>* errors) {
  const v1::UnderstandingPolicy& policy = sources.bundle.understanding();
  const std::vector<std::string> known =
      rep.catalog != nullptr ? CompatibilityValues(*rep.catalog) : std::vector<std::string>();
  for (int i = 0; i < policy.device_size(); ++i) {
    const v1::DeviceName& d = policy.device(i);
    const std::string where = sources.bundle_source.Where({{"understanding", -1}, {"device", i}});
    if (text::Tokenize(d.name()).empty()) {
      errors->push_back(
          absl::StrCat(where, ": understanding.device.name: \"", d.name(), "\" has no words"));
      continue;
    }
    if (d.compatibility().empty()) {
      errors->push_back(absl::StrCat(where, ": understanding.device \"", d.name(),
                                     "\": compatibility is required"));
      continue;
    }
    if (!known.empty() && std::find(known.begin(), known.end(), d.compatibility()) == known.end()) {
      errors->push_back(absl::StrCat(
          where, ": understanding.device \"", d.name(), "\": no product is compatible with \"",
          d.compatibility(), "\" (the catalog's values: ", absl::StrJoin(known, ", "), ")"));
      continue;
    }
    if (!d.language().empty() && !text::ParseLanguage(d.language()).has_value()) {
      errors->push_back(absl::StrCat(where, ": understanding.device \"", d.name(),
                                     "\": unknown language \"", d.language(),
                                     "\" (want en, it or fr)"));
      continue;
    }
    options->compatibility.push_back(
        {.phrase = d.name(), .value = d.compatibility(), .language = d.language()});
  }
  for (int i = 0; i < policy.pair_category_size(); ++i) {
    const std::string& name = policy.pair_category(i);
    bool found = false;
    if (rep.catalog != nullptr) {
      for (const CategoryNode& node : rep.catalog->categories()) found = found || node.name == name;
    }
    if (!found) {
      errors->push_back(absl::StrCat(
          sources.bundle_source.Where({{"understanding", -1}, {"pair_category", i}}),
          ": understanding.pair_category: \"", name, "\" is no category of the catalog"));
      continue;
    }
    options->pair_categories.push_back(name);
  }
}

void CompileEntities(const engine::BundleSources& sources, EngineRep* rep,
                     std::vector<std::string>* errors) {
  EntityExtractorOptions options;
  options.currency = rep->currency;
  options.languages.clear();
  for (const std::string& locale : rep->locales) {
    options.languages.emplace_back(LocaleLanguage(locale));
  }
  options.catalog = rep->catalog.get();
  options.max_text_chars = rep->max_text_chars;
  AddUnderstandingVocabulary(sources, *rep, &options, errors);
  absl::StatusOr<std::shared_ptr<const EntityExtractor>> extractor =
      EntityExtractor::Create(options);
  if (!extractor.ok()) {
    errors->push_back(absl::StrCat("bundle.textproto: store: ", extractor.status().message()));
    return;
  }
  rep->entities = *std::move(extractor);
}

// The fields a constraint may name besides the catalog's attributes (as
// the recommender resolves them), and whether each holds a number.
constexpr std::pair<std::string_view, bool> kBuiltinFields[] = {
    {"price", true},  {"list_price", true}, {"rating", true}, {"stock", true},
    {"brand", false}, {"category", false},  {"id", false}};

// Whether `field` names something of `catalog`; *number tells whether it
// holds a number.
bool KnownField(const Catalog& catalog, std::string_view field, bool* number) {
  for (const auto& [name, is_number] : kBuiltinFields) {
    if (field == name) {
      *number = is_number;
      return true;
    }
  }
  std::optional<AttributeId> a = catalog.FindAttribute(field);
  if (!a.has_value()) return false;
  *number = catalog.attributes()[*a].type == AttributeType::kNumber;
  return true;
}

// Commerce actions need the components they act on, and what they name in
// the catalog must be there; each error at the line of the field at fault.
// A component the bundle names but that failed to load has reported its own
// error: its users are not reported again.
void CheckActionsHaveComponents(const dialogue::FlowGraph& graph, const EngineRep& rep,
                                const engine::BundleSources& sources,
                                std::vector<std::string>* errors) {
  const bool catalog_named = !sources.catalog_products.name.empty();
  const bool policy_named = !sources.cart_policy.name.empty();
  graph.ForEachAction([&](const dialogue::ActionSite& site) {
    const v1::Action& action = *site.action;
    auto error = [&](const std::string& where, std::string_view what) {
      errors->push_back(absl::StrCat(where, ": flow \"", site.flow->id(), "\": ", ToAbsl(what)));
    };
    switch (action.kind_case()) {
      case v1::Action::kRecommend: {
        const v1::RecommendAction& r = action.recommend();
        if (rep.catalog == nullptr) {
          if (!catalog_named) error(site.Where(), "recommend needs a catalog in the bundle");
          break;
        }
        for (int k = 0; k < r.where_size(); ++k) {
          absl::StatusOr<Constraint> c = Constraint::Parse(r.where(k));
          bool number = false;
          if (!c.ok()) {
            error(site.Where("recommend", "where", k),
                  absl::StrCat("recommend.where: ", c.status().message()));
          } else if (!KnownField(*rep.catalog, c->field, &number)) {
            error(site.Where("recommend", "where", k),
                  absl::StrCat("recommend.where \"", r.where(k), "\": the catalog has no field \"",
                               c->field, "\""));
          }
        }
        for (int k = 0; k < r.prefer_size(); ++k) {
          absl::StatusOr<Preference> p = Preference::Parse(r.prefer(k));
          if (!p.ok()) {
            error(site.Where("recommend", "prefer", k),
                  absl::StrCat("recommend.prefer: ", p.status().message()));
          }
        }
        for (int k = 0; k < r.slot_attribute_size(); ++k) {
          std::vector<std::string> parts =
              absl::StrSplit(r.slot_attribute(k), absl::MaxSplits('=', 1));
          if (parts.size() != 2 || parts[1].empty()) continue;  // the flow graph said so
          bool number = false;
          if (!KnownField(*rep.catalog, parts[1], &number)) {
            error(site.Where("recommend", "slot_attribute", k),
                  absl::StrCat("recommend.slot_attribute \"", r.slot_attribute(k),
                               "\": the catalog has no attribute \"", parts[1], "\""));
          } else if (number) {
            error(
                site.Where("recommend", "slot_attribute", k),
                absl::StrCat("recommend.slot_attribute \"", r.slot_attribute(k), "\": \"", parts[1],
                             "\" holds a number, and a slot filters by the values it names "
                             "(a list, enum, string or bool attribute, brand or category); "
                             "compare numbers with recommend.where"));
          }
        }
        break;
      }
      case v1::Action::kShowProduct:
        if (rep.catalog == nullptr && !catalog_named) {
          error(site.Where(), "show_product needs a catalog in the bundle");
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
        if ((rep.cart_policy == nullptr && !policy_named) ||
            (rep.catalog == nullptr && !catalog_named)) {
          error(site.Where(), "cart and order actions need a catalog and a cart_policy_file");
        }
        break;
      default:
        break;
    }
  });
}

}  // namespace

// The bundle's conversation acts: kinds turned off and its own phrasings.
static void CompileConversation(const engine::BundleSources& sources, EngineRep* rep,
                                std::vector<std::string>* errors) {
  const v1::ConversationPolicy& policy = sources.bundle.conversation();
  if (policy.disable_size() == 0 && policy.phrase_size() == 0) return;
  const std::string where = sources.bundle_source.Where({{"conversation", -1}});
  std::vector<converse::ActKind> disabled;
  for (int i = 0; i < policy.disable_size(); ++i) {
    std::optional<converse::ActKind> kind = converse::ParseActKind(policy.disable(i));
    if (!kind.has_value()) {
      errors->push_back(absl::StrCat(where, ": conversation.disable[", i, "]: unknown act \"",
                                     policy.disable(i), "\""));
      continue;
    }
    disabled.push_back(*kind);
  }
  std::vector<converse::ActPattern> extra;
  for (int i = 0; i < policy.phrase_size(); ++i) {
    const v1::ActPhrase& phrase = policy.phrase(i);
    std::optional<converse::ActKind> kind = converse::ParseActKind(phrase.act());
    if (!kind.has_value()) {
      errors->push_back(absl::StrCat(where, ": conversation.phrase[", i, "].act: unknown act \"",
                                     phrase.act(), "\""));
      continue;
    }
    extra.push_back({*kind, phrase.regex(), phrase.arg()});
  }
  absl::StatusOr<std::unique_ptr<const converse::ActDetector>> detector =
      converse::ActDetector::Create(extra, disabled);
  if (!detector.ok()) {
    errors->push_back(absl::StrCat(where, ": conversation.phrase: ", detector.status().message()));
    return;
  }
  rep->acts = *std::move(detector);
}

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
    rep->default_language = std::string(LocaleLanguage(first));
  }
  rep->max_text_chars = options.max_text_chars > 0 ? options.max_text_chars
                        : bundle.session().max_text_chars() > 0
                            ? static_cast<size_t>(bundle.session().max_text_chars())
                            : 2000;

  if (const std::string& zone = bundle.store().time_zone(); !zone.empty()) {
    if (!absl::LoadTimeZone(zone, &rep->time_zone)) {
      errors.push_back(absl::StrCat(sources.bundle_source.Where({{"store", -1}, {"time_zone", -1}}),
                                    ": store.time_zone: unknown time zone \"", zone,
                                    "\" (want an IANA name such as Europe/Rome)"));
    }
  }
  for (std::string_view field : {"quiet_start_hour", "quiet_end_hour"}) {
    const int hour = field == "quiet_start_hour" ? bundle.proactive().quiet_start_hour()
                                                 : bundle.proactive().quiet_end_hour();
    if (hour < 0 || hour > 23) {
      errors.push_back(absl::StrCat(sources.bundle_source.Where({{"proactive", -1}, {field, -1}}),
                                    ": proactive: quiet hours are 0 to 23 (got ", hour, ")"));
    }
  }
  rep->channel_policy = bundle.channels();
  for (const channels::PolicyProblem& p : channels::ValidateChannelPolicy(bundle.channels())) {
    std::string where = p.subfield.empty()
                            ? sources.bundle_source.Where({{"channels", -1}, {p.field, p.index}})
                            : sources.bundle_source.Where(
                                  {{"channels", -1}, {p.field, p.index}, {p.subfield, p.subindex}});
    errors.push_back(absl::StrCat(where, ": channels.", p.message));
  }
  rep->quiet_start_hour = bundle.proactive().quiet_start_hour();
  rep->quiet_end_hour = bundle.proactive().quiet_end_hour();

  rep->templates = std::make_unique<dialogue::TemplateCatalog>(
      dialogue::TemplateCatalog::Compile(sources.templates, rep->locales, &errors));
  rep->stats.templates = static_cast<int>(rep->templates->definitions().size());
  CompileCatalog(sources, rep.get(), &errors);
  CompileCartPolicy(sources, rep.get(), &errors);
  CompileEntities(sources, rep.get(), &errors);
  CompileIntents(sources, rep.get(), &errors);  // after entities: their words tell languages apart
  CompileConversation(sources, rep.get(), &errors);

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
  CheckActionsHaveComponents(*rep->graph, *rep, sources, &errors);
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
const v1::ChannelPolicy& Engine::channel_policy() const { return rep_->channel_policy; }
const IntentModel* Engine::intent_model() const { return rep_->intents.get(); }

IntentResult Engine::ClassifyTurn(std::string_view text, std::string_view language) const {
  ExtractResult extracted;
  return engine::ClassifyMasked(*rep_, text, language, &extracted);
}
const Catalog* Engine::catalog() const { return rep_->catalog.get(); }
const EntityExtractor* Engine::entity_extractor() const { return rep_->entities.get(); }
const Recommender* Engine::recommender() const { return rep_->recommender.get(); }

}  // namespace chatcart
