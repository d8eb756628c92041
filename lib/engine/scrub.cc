// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/scrub.h"

#include <string>
#include <variant>
#include <vector>

#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/reflection.h"
#include "text/utf8.h"

namespace chatcart::engine {

bool ScrubUtf8InPlace(std::string* text) {
  if (text::IsValidUtf8(*text)) return false;
  *text = text::ScrubUtf8(*text);
  return true;
}

bool ScrubMessageUtf8(google::protobuf::Message* message) {
  using google::protobuf::FieldDescriptor;
  const google::protobuf::Reflection* reflection = message->GetReflection();
  std::vector<const FieldDescriptor*> fields;
  reflection->ListFields(*message, &fields);  // set fields only
  bool changed = false;
  for (const FieldDescriptor* field : fields) {
    if (field->cpp_type() == FieldDescriptor::CPPTYPE_MESSAGE) {
      if (field->is_repeated()) {
        // Map entries are messages too: keys and values are scrubbed alike.
        for (int i = 0; i < reflection->FieldSize(*message, field); ++i) {
          changed |= ScrubMessageUtf8(reflection->MutableRepeatedMessage(message, field, i));
        }
      } else {
        changed |= ScrubMessageUtf8(reflection->MutableMessage(message, field));
      }
      continue;
    }
    if (field->type() != FieldDescriptor::TYPE_STRING) continue;
    std::string scratch;
    if (field->is_repeated()) {
      for (int i = 0; i < reflection->FieldSize(*message, field); ++i) {
        const std::string& value =
            reflection->GetRepeatedStringReference(*message, field, i, &scratch);
        if (text::IsValidUtf8(value)) continue;
        reflection->SetRepeatedString(message, field, i, text::ScrubUtf8(value));
        changed = true;
      }
    } else {
      const std::string& value = reflection->GetStringReference(*message, field, &scratch);
      if (text::IsValidUtf8(value)) continue;
      reflection->SetString(message, field, text::ScrubUtf8(value));
      changed = true;
    }
  }
  return changed;
}

namespace {

void Scrub(std::string& text) { ScrubUtf8InPlace(&text); }

void ScrubAction(commands::AddLine& c) {
  Scrub(c.product_id);
  Scrub(c.sku);
  Scrub(c.title);
  Scrub(c.category);
}
void ScrubAction(commands::ChangeVariant& c) {
  Scrub(c.sku);
  Scrub(c.title);
  Scrub(c.category);
}
void ScrubAction(commands::AddDiscountCode& c) { Scrub(c.code); }
void ScrubAction(commands::RemoveDiscountCode& c) { Scrub(c.code); }
void ScrubAction(commands::SetShippingMethod& c) { Scrub(c.method); }
void ScrubAction(commands::SetRegion& c) { Scrub(c.region); }
void ScrubAction(commands::SetBuyer& c) {
  Scrub(c.buyer.anonymous_id);
  Scrub(c.buyer.customer_id);
}
void ScrubAction(commands::ConfirmPurchase& c) { Scrub(c.token); }
void ScrubAction(commands::PlaceOrder& c) {
  Scrub(c.source.channel);
  Scrub(c.source.campaign);
  for (std::string& agent : c.assisted_by) Scrub(agent);
}
template <typename T>
void ScrubAction(T&) {}  // no text

}  // namespace

void ScrubCommandUtf8(CartCommand* command) {
  std::visit([](auto& c) { ScrubAction(c); }, command->action);
  Scrub(command->actor.agent_id);
  // The idempotency key is not kept (only its hash is), and scrubbing would
  // make distinct ill-formed keys equal.
}

}  // namespace chatcart::engine
