// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// TurnContext: what actions see of a turn (replies, host actions, events,
// slots), apart from the runner's decisions in runtime.cc.

#include "dialogue/runtime.h"

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "common/strings.h"
#include "dialogue/slot_filler.h"

namespace chatcart::dialogue {

TurnContext::TurnContext(const TemplateCatalog& templates, const RuntimeConfig& config,
                         const v1::TurnInput& input, const Understanding& understanding,
                         DialogueState& state, ActionExecutor& executor, v1::TurnResult* result)
    : templates_(templates),
      config_(config),
      input_(input),
      understanding_(understanding),
      state_(state),
      executor_(executor),
      result_(result) {
  time_ = absl::FromUnixSeconds(input.time().seconds()) + absl::Nanoseconds(input.time().nanos());
}

TemplateArgs TurnContext::StandardArgs() const {
  TemplateArgs args;
  args.reserve(state_.slots.size() + 1);
  args.push_back({"store", config_.store_name});
  for (const auto& [name, value] : state_.slots) args.push_back(SlotArg(name, value));
  for (const auto& [key, value] : input_.event().param()) {
    args.push_back({absl::StrCat("event.", key), value});
  }
  return args;
}

v1::Reply* TurnContext::Say(std::string_view id, const TemplateArgs& args) {
  v1::Reply* reply = result_->add_replies();
  reply->set_template_id(std::string(id));
  const std::vector<Template>* variants = templates_.Find(locale_, id);
  if (variants == nullptr || variants->empty()) {
    // Validation makes this unreachable for bundle templates; say so visibly.
    reply->set_text(absl::StrCat("[", ToAbsl(id), "]"));
    return reply;
  }
  size_t pick = 0;
  if (variants->size() > 1) pick = NextRandom() % variants->size();
  TemplateArgs all = args;  // explicit args win over slots: they come first
  TemplateArgs standard = StandardArgs();
  all.insert(all.end(), standard.begin(), standard.end());
  if (!input_.event().kind().empty() && missing_event_param_.ok()) {
    for (const std::string& name : (*variants)[pick].ArgumentNames()) {
      if (!absl::StartsWith(name, "event.")) continue;
      bool given = false;
      for (const TemplateArg& arg : all) given = given || arg.name == name;
      if (!given) {
        missing_event_param_ = absl::InvalidArgumentError(
            absl::StrCat("event ", input_.event().kind(), ": template \"", ToAbsl(id),
                         "\" needs param \"", name.substr(6), "\""));
      }
    }
  }
  (*variants)[pick].Render(templates_.Format(locale_), all, reply->mutable_text());
  return reply;
}

v1::Reply* TurnContext::SayText(std::string text) {
  v1::Reply* reply = result_->add_replies();
  reply->set_text(std::move(text));
  return reply;
}

v1::Reply* TurnContext::LastReply() {
  if (result_->replies_size() == 0) return result_->add_replies();
  return result_->mutable_replies(result_->replies_size() - 1);
}

void TurnContext::AddHostAction(std::string_view kind,
                                std::vector<std::pair<std::string, std::string>> params) {
  v1::HostActionRequest* action = result_->add_host_actions();
  action->set_kind(std::string(kind));
  for (auto& [key, value] : params) (*action->mutable_param())[key] = std::move(value);
}

void TurnContext::AddEvent(std::string_view kind,
                           std::vector<std::pair<std::string, std::string>> params) {
  v1::AnalyticsEvent* event = result_->add_events();
  event->set_kind(std::string(kind));
  for (auto& [key, value] : params) (*event->mutable_param())[key] = std::move(value);
}

const SlotValue* TurnContext::Slot(std::string_view name) const {
  auto it = state_.slots.find(name);
  return it == state_.slots.end() ? nullptr : &it->second;
}

void TurnContext::SetSlot(std::string_view name, SlotValue value) {
  std::string display = value.display.empty() ? value.text : value.display;
  result_->mutable_trace()->add_slots_filled(absl::StrCat(ToAbsl(name), "=", display));
  state_.slots[std::string(name)] = std::move(value);
}

void TurnContext::ClearSlot(std::string_view name) {
  auto it = state_.slots.find(name);
  if (it != state_.slots.end()) state_.slots.erase(it);
}

}  // namespace chatcart::dialogue
