// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/wire_utf8.h"

#include <google/protobuf/descriptor.h>
#include <google/protobuf/io/coded_stream.h>
#include <google/protobuf/wire_format_lite.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/utf8_scrub.h"

namespace chatcart {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;
using google::protobuf::internal::WireFormatLite;
using google::protobuf::io::CodedInputStream;

constexpr int kMaxDepth = 100;  // protobuf's default recursion limit

// Walks one message of `type` up to the stream's limit. Returns false to stop
// (a bad string, whose field is in *bad, or wire data that does not read).
bool Walk(const Descriptor& type, CodedInputStream* in, std::string_view all, int depth,
          std::string* bad) {
  while (true) {
    const uint32_t tag = in->ReadTag();
    if (tag == 0) return true;  // the end (or a limit), or a zero tag the parser refuses
    const FieldDescriptor* field = type.FindFieldByNumber(static_cast<int>(tag >> 3));
    if (WireFormatLite::GetTagWireType(tag) != WireFormatLite::WIRETYPE_LENGTH_DELIMITED ||
        field == nullptr ||
        (field->type() != FieldDescriptor::TYPE_STRING &&
         field->type() != FieldDescriptor::TYPE_MESSAGE)) {
      if (!WireFormatLite::SkipField(in, tag)) return false;
      continue;
    }
    uint32_t length = 0;
    if (!in->ReadVarint32(&length)) return false;
    if (field->type() == FieldDescriptor::TYPE_STRING) {
      // A string cut short by the end of its message: protobuf's parser
      // reads its declared length from the whole input, past the end of
      // the message it is in, and checks (and logs about) those bytes
      // before it refuses the input; they are checked too (#22,
      // store_values_fuzzer, twice).
      const void* rest = nullptr;
      int available = 0;
      if (!in->GetDirectBufferPointer(&rest, &available)) available = 0;
      if (static_cast<uint32_t>(available) < length) {
        const size_t at = static_cast<size_t>(in->CurrentPosition());
        const std::string_view read =
            at <= all.size() ? all.substr(at, std::min<size_t>(length, all.size() - at)) : "";
        if (!IsWellFormedUtf8(read)) *bad = field->full_name();
        return false;
      }
      std::string value;
      if (!in->ReadString(&value, static_cast<int>(length))) return false;
      if (!IsWellFormedUtf8(value)) {
        *bad = field->full_name();
        return false;
      }
      continue;
    }
    if (depth >= kMaxDepth) return false;
    const CodedInputStream::Limit limit = in->PushLimit(static_cast<int>(length));
    if (!Walk(*field->message_type(), in, all, depth + 1, bad)) return false;
    if (in->BytesUntilLimit() != 0) return false;  // a zero tag inside: malformed
    in->PopLimit(limit);
  }
}

}  // namespace

std::string IllFormedUtf8Field(const Descriptor& type, std::string_view bytes) {
  CodedInputStream in(reinterpret_cast<const uint8_t*>(bytes.data()),
                      static_cast<int>(bytes.size()));
  std::string bad;
  Walk(type, &in, bytes, 0, &bad);
  return bad;
}

}  // namespace chatcart
