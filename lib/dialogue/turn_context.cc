// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// TurnContext: what actions see of a turn (replies, host actions, events,
// slots), apart from the runner's decisions (turn_runner.h).

#include "dialogue/runtime.h"

#include <algorithm>

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
  const LocaleFormat& format = templates_.Format(locale_);
  (*variants)[pick].Render(format, all, reply->mutable_text());
  // Never the same sentence twice in a row: another variant, else the same
  // words led in differently.
  auto said_last_turn = [&](const std::string& text) {
    const uint32_t hash = QuickReplyTitleHash(text);
    return std::find(state_.last_replies.begin(), state_.last_replies.end(), hash) !=
           state_.last_replies.end();
  };
  if (!reply->text().empty() && said_last_turn(reply->text())) {
    bool rephrased = false;
    for (size_t i = 1; i < variants->size() && !rephrased; ++i) {
      std::string text;
      (*variants)[(pick + i) % variants->size()].Render(format, all, &text);
      if (!said_last_turn(text)) {
        reply->set_text(std::move(text));
        rephrased = true;
      }
    }
    const std::vector<Template>* leads = templates_.Find(locale_, "chatcart.repeat_lead");
    if (!rephrased && leads != nullptr && !leads->empty() && id != "chatcart.repeat_lead") {
      std::string lead;
      (*leads)[NextRandom() % leads->size()].Render(format, {}, &lead);
      reply->set_text(absl::StrCat(lead, " ", reply->text()));
    }
  }
  return reply;
}

const SlotValue* TurnContext::SlotOfType(SlotType type) const {
  for (const auto& [name, value] : state_.slots) {
    if (value.type == type && !value.any) return &value;
  }
  return nullptr;
}

void TurnContext::SetAttendant(Attendant attendant, std::string agent) {
  state_.attendant = attendant;
  state_.agent = std::move(agent);
  state_.attendant_since_ms = absl::ToUnixMillis(time_);
}

void TurnContext::set_last_shown(std::vector<std::string> ids) {
  // Several products: "it" no longer means the one in focus.
  if (ids.size() == 1) {
    state_.focus = ids.front();
  } else if (!ids.empty()) {
    state_.focus.clear();
  }
  state_.last_shown = std::move(ids);
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
