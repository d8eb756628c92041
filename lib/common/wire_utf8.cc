// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "common/wire_utf8.h"

#include <google/protobuf/descriptor.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>

#include "common/utf8_scrub.h"

namespace chatcart {
namespace {

using google::protobuf::Descriptor;
using google::protobuf::FieldDescriptor;

constexpr int kMaxDepth = 100;  // protobuf's default recursion limit

// protobuf's wire types.
constexpr uint32_t kVarint = 0;
constexpr uint32_t kFixed64 = 1;
constexpr uint32_t kLengthDelimited = 2;
constexpr uint32_t kStartGroup = 3;
constexpr uint32_t kEndGroup = 4;
constexpr uint32_t kFixed32 = 5;

// The walk follows protobuf's parser, not the wire format's rules: the parser
// reads a tag, a length or a string from the whole input, past the end of
// the message it is in, and checks (and logs about) the string it read
// before it finds the message overrun and refuses the input; and a nested
// message declared longer than the one it is in is parsed to its own end.
// So every read here is bounded by the input only, a message's end only
// decides where its fields stop (#22: store_values_fuzzer found a string
// read past its message twice, snapshot_restore_fuzzer a string's length and
// a nested message's bytes read past theirs). Where the walk goes on and the
// parser would not, it may name a field of input the parser refuses anyway;
// where it stops, the parser refuses the input there without checking more.

// A varint at *pos, at most ten bytes, whatever message *pos is in. False
// when the input ends first.
bool ReadVarint(std::string_view all, size_t* pos, uint64_t* value) {
  uint64_t v = 0;
  for (int i = 0; i < 10; ++i) {
    if (*pos >= all.size()) return false;
    const auto byte = static_cast<uint8_t>(all[(*pos)++]);
    v |= static_cast<uint64_t>(byte & 0x7f) << (7 * i);
    if ((byte & 0x80) == 0) {
      *value = v;
      return true;
    }
  }
  return false;
}

// Skips a field of wire type `wire` whose tag was read (one the walk does
// not look into: unknown, not a string or message, or of another wire type
// than its field's, which the parser keeps as an unknown field). False when
// it does not read.
bool Skip(std::string_view all, size_t* pos, uint32_t wire, uint64_t number, int depth) {
  uint64_t value = 0;
  switch (wire) {
    case kVarint:
      return ReadVarint(all, pos, &value);
    case kFixed64:
    case kFixed32: {
      const size_t size = wire == kFixed64 ? 8 : 4;
      if (all.size() - *pos < size) return false;
      *pos += size;
      return true;
    }
    case kLengthDelimited:
      if (!ReadVarint(all, pos, &value) || value > all.size() - *pos) return false;
      *pos += value;
      return true;
    case kStartGroup:
      if (depth >= kMaxDepth) return false;
      while (true) {
        uint64_t tag = 0;
        if (!ReadVarint(all, pos, &tag)) return false;
        if ((tag & 7) == kEndGroup) return (tag >> 3) == number;
        if (!Skip(all, pos, tag & 7, tag >> 3, depth + 1)) return false;
      }
    default:
      return false;
  }
}

// Walks the fields of a message of `type` from *pos to `end`. Returns false
// to stop (a bad string, whose field is in *bad, or wire data the parser
// refuses there).
bool Walk(const Descriptor& type, std::string_view all, size_t* pos, size_t end, int depth,
          std::string* bad) {
  while (*pos < end) {
    uint64_t tag = 0;
    if (!ReadVarint(all, pos, &tag)) return false;
    const auto wire = static_cast<uint32_t>(tag & 7);
    // A zero tag or an end of group ends the message early: refused.
    if (tag == 0 || wire == kEndGroup) return false;
    const uint64_t number = tag >> 3;
    const FieldDescriptor* field = number <= static_cast<uint64_t>(FieldDescriptor::kMaxNumber)
                                       ? type.FindFieldByNumber(static_cast<int>(number))
                                       : nullptr;
    if (wire != kLengthDelimited || field == nullptr ||
        (field->type() != FieldDescriptor::TYPE_STRING &&
         field->type() != FieldDescriptor::TYPE_MESSAGE)) {
      if (!Skip(all, pos, wire, number, depth) || *pos > end) return false;
      continue;
    }
    uint64_t length = 0;
    if (!ReadVarint(all, pos, &length)) return false;
    const size_t available = all.size() - *pos;
    const size_t there = static_cast<size_t>(std::min<uint64_t>(length, available));
    if (field->type() == FieldDescriptor::TYPE_STRING) {
      // A string cut short by the end of the input: protobuf checks the
      // bytes there are.
      if (!IsWellFormedUtf8(all.substr(*pos, there))) {
        *bad = field->full_name();
        return false;
      }
      *pos += there;
      if (length > available || *pos > end) return false;
      continue;
    }
    if (depth >= kMaxDepth) return false;
    const size_t child_end = *pos + there;
    if (!Walk(*field->message_type(), all, pos, child_end, depth + 1, bad)) return false;
    if (length > available || *pos > end) return false;
  }
  return true;
}

}  // namespace

std::string IllFormedUtf8Field(const Descriptor& type, std::string_view bytes) {
  std::string bad;
  size_t pos = 0;
  Walk(type, bytes, &pos, bytes.size(), 0, &bad);
  return bad;
}

}  // namespace chatcart
