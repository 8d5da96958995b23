// Elements of a dataset or sequence item: the dd_item_* part of the C API.
#include "Internal.h"

#include <cstdlib>
#include <cstring>

using namespace cdcmtk;

namespace {

void describe(DcmElement *element, dd_element_info_t *out) {
  std::memset(out, 0, sizeof(*out));
  const DcmTag &tag = element->getTag();
  out->group = tag.getGroup();
  out->element = tag.getElement();
  const std::string vr = vr_name(element);
  std::strncpy(out->vr, vr.c_str(), sizeof(out->vr) - 1);
  out->length = element->getLength();
  if (element->ident() == EVR_SQ) {
    out->is_sequence = 1;
    out->item_count = Uint32(static_cast<DcmSequenceOfItems *>(element)->card());
  } else if (element->ident() == EVR_PixelData) {
    DcmPixelData *pixels = static_cast<DcmPixelData *>(element);
    E_TransferSyntax xfer = EXS_Unknown;
    const DcmRepresentationParameter *parameter = nullptr;
    pixels->getCurrentRepresentationKey(xfer, parameter);
    DcmPixelSequence *sequence = nullptr;
    if (DcmXfer(xfer).isEncapsulated() && pixels->getEncapsulatedRepresentation(xfer, parameter, sequence).good() &&
        sequence != nullptr) {
      out->is_encapsulated = 1;
      out->item_count = Uint32(sequence->card());
    }
  }
}

DcmElement *find(DcmItem *item, uint16_t group, uint16_t element) {
  DcmElement *found = nullptr;
  if (item->findAndGetElement(DcmTagKey(group, element), found, OFFalse).bad()) return nullptr;
  return found;
}

/// The tag for a new element: the given VR, or the dictionary's.
DcmTag tag_for(uint16_t group, uint16_t element, const char *vr) {
  DcmTag tag(group, element);
  if (vr != nullptr) tag.setVR(DcmVR(vr));
  return tag;
}

/// Finds the element, or creates and inserts it with `vr`.
int find_or_create(DcmItem *item, uint16_t group, uint16_t element, const char *vr, DcmElement *&out,
                   dd_error_t *err) {
  out = find(item, group, element);
  if (out != nullptr) return 0;
  OFCondition condition = DcmItem::newDicomElementWithVR(out, tag_for(group, element, vr));
  if (condition.bad() || out == nullptr) return fail(err, condition, "cannot create element");
  condition = item->insert(out, OFTrue);
  if (condition.bad()) {
    delete out;
    return fail(err, condition, "cannot insert element");
  }
  return 0;
}

int copy_out(const void *source, size_t length, uint8_t **out, size_t *out_length, dd_error_t *err) {
  *out = static_cast<uint8_t *>(std::malloc(length == 0 ? 1 : length));
  if (*out == nullptr) return fail(err, "out of memory");
  if (length > 0) std::memcpy(*out, source, length);
  *out_length = length;
  return 0;
}

}  // namespace

extern "C" size_t dd_item_element_count(dd_item_t *item) { return size_t(cdcmtk::item(item)->card()); }

extern "C" int dd_item_element_at(dd_item_t *item, size_t index, dd_element_info_t *out, dd_error_t *err) {
  DcmElement *element = cdcmtk::item(item)->getElement(static_cast<unsigned long>(index));
  if (element == nullptr) return fail(err, "no element at index " + std::to_string(index));
  describe(element, out);
  return 0;
}

extern "C" int dd_item_find(dd_item_t *item, uint16_t group, uint16_t element, dd_element_info_t *out) {
  DcmElement *found = find(cdcmtk::item(item), group, element);
  if (found == nullptr) return 1;
  describe(found, out);
  return 0;
}

extern "C" int dd_item_get_string(dd_item_t *item, uint16_t group, uint16_t element, char **out, size_t *out_length,
                                  dd_error_t *err) {
  *out = nullptr;
  *out_length = 0;
  return guarded(err, [&] {
    DcmElement *found = find(cdcmtk::item(item), group, element);
    if (found == nullptr) return fail(err, "element absent");
    OFString value;
    OFCondition condition = found->getOFStringArray(value, OFFalse);
    if (condition.bad() && found->getLength() > 0) return fail(err, condition, "cannot read value");
    uint8_t *bytes = nullptr;
    if (copy_out(value.c_str(), value.length(), &bytes, out_length, err) != 0) return 1;
    *out = reinterpret_cast<char *>(bytes);
    return 0;
  });
}

extern "C" int dd_item_get_bytes(dd_item_t *item, uint16_t group, uint16_t element, uint8_t **out,
                                 size_t *out_length, dd_error_t *err) {
  *out = nullptr;
  *out_length = 0;
  return guarded(err, [&] {
    DcmElement *found = find(cdcmtk::item(item), group, element);
    if (found == nullptr) return fail(err, "element absent");
    if (found->getLength() == 0) return copy_out(nullptr, 0, out, out_length, err);
    // The typed getters hand out DCMTK's buffer in host (little-endian) byte order.
    Uint8 *u8 = nullptr;
    Uint16 *u16 = nullptr;
    Uint32 *u32 = nullptr;
    Float32 *f32 = nullptr;
    Float64 *f64 = nullptr;
    const void *source = nullptr;
    if (found->getUint8Array(u8).good() && u8 != nullptr) source = u8;
    else if (found->getUint16Array(u16).good() && u16 != nullptr) source = u16;
    else if (found->getUint32Array(u32).good() && u32 != nullptr) source = u32;
    else if (found->getFloat32Array(f32).good() && f32 != nullptr) source = f32;
    else if (found->getFloat64Array(f64).good() && f64 != nullptr) source = f64;
    if (source == nullptr) {
      Sint16 *s16 = nullptr;
      Sint32 *s32 = nullptr;
      if (found->getSint16Array(s16).good() && s16 != nullptr) source = s16;
      else if (found->getSint32Array(s32).good() && s32 != nullptr) source = s32;
    }
    if (source == nullptr) return fail(err, "value is not binary");
    return copy_out(source, found->getLength(), out, out_length, err);
  });
}

extern "C" int dd_item_put_string(dd_item_t *item, uint16_t group, uint16_t element, const char *vr,
                                  const char *value, size_t length, dd_error_t *err) {
  return guarded(err, [&] {
    DcmElement *target = nullptr;
    if (find_or_create(cdcmtk::item(item), group, element, vr, target, err) != 0) return 1;
    OFCondition condition = target->putOFStringArray(OFString(value, length));
    if (condition.bad()) return fail(err, condition, "cannot set value");
    return 0;
  });
}

extern "C" int dd_item_put_bytes(dd_item_t *item, uint16_t group, uint16_t element, const char *vr,
                                 const uint8_t *bytes, size_t length, dd_error_t *err) {
  return guarded(err, [&] {
    DcmElement *target = nullptr;
    if (find_or_create(cdcmtk::item(item), group, element, vr, target, err) != 0) return 1;
    OFCondition condition;
    switch (target->ident()) {
      case EVR_OB:
      case EVR_UN:
        condition = target->putUint8Array(bytes, Uint32(length));
        break;
      default: {
        const std::string name = vr_name(target);
        if (name == "OB" || name == "UN") {
          condition = target->putUint8Array(bytes, Uint32(length));
        } else if (name == "SS") {
          condition = target->putSint16Array(reinterpret_cast<const Sint16 *>(bytes), Uint32(length / 2));
        } else if (name == "SL") {
          condition = target->putSint32Array(reinterpret_cast<const Sint32 *>(bytes), Uint32(length / 4));
        } else if (name == "OW" || name == "US" || name == "AT") {
          condition = target->putUint16Array(reinterpret_cast<const Uint16 *>(bytes), Uint32(length / 2));
        } else if (name == "UL" || name == "OL") {
          condition = target->putUint32Array(reinterpret_cast<const Uint32 *>(bytes), Uint32(length / 4));
        } else if (name == "FL" || name == "OF") {
          condition = target->putFloat32Array(reinterpret_cast<const Float32 *>(bytes), Uint32(length / 4));
        } else if (name == "FD" || name == "OD") {
          condition = target->putFloat64Array(reinterpret_cast<const Float64 *>(bytes), Uint32(length / 8));
        } else {
          return fail(err, "binary value for text VR " + name);
        }
      }
    }
    if (condition.bad()) return fail(err, condition, "cannot set value");
    return 0;
  });
}

extern "C" int dd_item_put_empty(dd_item_t *item, uint16_t group, uint16_t element, const char *vr,
                                 dd_error_t *err) {
  return guarded(err, [&] {
    DcmElement *target = nullptr;
    if (find_or_create(cdcmtk::item(item), group, element, vr, target, err) != 0) return 1;
    OFCondition condition = target->clear();
    if (condition.bad()) return fail(err, condition, "cannot empty value");
    return 0;
  });
}

extern "C" int dd_item_remove(dd_item_t *item, uint16_t group, uint16_t element, dd_error_t *err) {
  return guarded(err, [&] {
    DcmElement *removed = cdcmtk::item(item)->remove(DcmTagKey(group, element));
    delete removed;
    return 0;
  });
}

extern "C" dd_item_t *dd_item_sequence_item(dd_item_t *item, uint16_t group, uint16_t element, size_t index,
                                            dd_error_t *err) {
  DcmElement *found = find(cdcmtk::item(item), group, element);
  if (found == nullptr || found->ident() != EVR_SQ) {
    fail(err, "not a sequence");
    return nullptr;
  }
  DcmItem *child = static_cast<DcmSequenceOfItems *>(found)->getItem(static_cast<unsigned long>(index));
  if (child == nullptr) fail(err, "no item " + std::to_string(index));
  return child == nullptr ? nullptr : handle(child);
}

extern "C" dd_item_t *dd_item_sequence_append(dd_item_t *item, uint16_t group, uint16_t element, dd_error_t *err) {
  DcmItem *child = nullptr;
  const int status = guarded(err, [&] {
    OFCondition condition =
        cdcmtk::item(item)->findOrCreateSequenceItem(DcmTagKey(group, element), child, -2 /* append */);
    if (condition.bad() || child == nullptr) return fail(err, condition, "cannot append sequence item");
    return 0;
  });
  return status == 0 ? handle(child) : nullptr;
}
