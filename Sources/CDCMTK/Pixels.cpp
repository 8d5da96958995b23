// Pixel data: decoding to the native form without touching the dataset, and replacing it.
#include "Internal.h"

#include "dcmtk/dcmdata/dcpixseq.h"
#include "dcmtk/dcmdata/dcpxitem.h"

#include <cstdlib>
#include <cstring>

using namespace cdcmtk;

namespace {

/// Copies the current (native) representation of the pixel data out.
int copy_native(DcmDataset *dataset, std::vector<uint8_t> &out, dd_error_t *err) {
  DcmElement *element = nullptr;
  if (dataset->findAndGetElement(DCM_PixelData, element, OFFalse).bad() || element == nullptr)
    return fail(err, "no pixel data");
  const Uint32 length = element->getLength();
  if (length == 0) return fail(err, "pixel data is empty");
  Uint8 *bytes8 = nullptr;
  Uint16 *bytes16 = nullptr;
  const void *source = nullptr;
  if (element->getUint8Array(bytes8).good() && bytes8 != nullptr) {
    source = bytes8;
  } else if (element->getUint16Array(bytes16).good() && bytes16 != nullptr) {
    source = bytes16;
  }
  if (source == nullptr) return fail(err, "cannot access decoded pixel data");
  out.assign(static_cast<const uint8_t *>(source), static_cast<const uint8_t *>(source) + length);
  return 0;
}

/// Whether a lossy JPEG labelled RGB carries a JFIF APP0 marker in its first frame: JFIF mandates YCbCr,
/// so the label is wrong and the frame must be converted (pydicom and GDCM do the same). Without the
/// marker the label is trusted: JPEGs really encoded as RGB exist (no colour transform).
bool is_jfif_labelled_rgb(DcmDataset *dataset) {
  const E_TransferSyntax xfer = dataset->getOriginalXfer();
  if (xfer != EXS_JPEGProcess1 && xfer != EXS_JPEGProcess2_4) return false;
  OFString label;
  if (dataset->findAndGetOFString(DCM_PhotometricInterpretation, label).bad() || label != "RGB") return false;
  DcmElement *element = nullptr;
  DcmPixelSequence *sequence = nullptr;
  DcmPixelItem *fragment = nullptr;
  Uint8 *bytes = nullptr;
  if (dataset->findAndGetElement(DCM_PixelData, element, OFFalse).bad() || element == nullptr ||
      static_cast<DcmPixelData *>(element)->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() ||
      sequence == nullptr || sequence->getItem(fragment, 1).bad() || fragment->getUint8Array(bytes).bad() ||
      bytes == nullptr)
    return false;
  const size_t length = fragment->getLength();
  if (length < 4 || bytes[0] != 0xFF || bytes[1] != 0xD8) return false;
  // Walk the marker segments after SOI up to the first frame header or scan.
  for (size_t position = 2; position + 4 <= length;) {
    if (bytes[position] != 0xFF) return false;
    const uint8_t marker = bytes[position + 1];
    if (marker == 0xDA || (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC))
      return false;
    const size_t segment = (size_t(bytes[position + 2]) << 8) | bytes[position + 3];
    if (marker == 0xE0 && segment >= 7 && position + 9 <= length && std::memcmp(bytes + position + 4, "JFIF", 5) == 0)
      return true;
    position += 2 + segment;
  }
  return false;
}

/// Decodes on a copy of the dataset: DCMTK's decoders rewrite attributes (Photometric
/// Interpretation after YBR conversion) and, after a lossy decode, refuse to switch the pixel data
/// back to its original encapsulated form, which would stop an unchanged image from being written
/// in its own transfer syntax. The copy holds only compressed data, so it is cheap.
int decode_with_dcmtk(DcmDataset *original, std::vector<uint8_t> &out, std::string &photometric,
                      int32_t &planar, dd_error_t *err) {
  DcmDataset copy(*original);
  DcmDataset *dataset = &copy;
  // DCMTK converts YCbCr to RGB by the label (EDC_photometricInterpretation); relabel a JFIF stream.
  if (is_jfif_labelled_rgb(dataset)) dataset->putAndInsertString(DCM_PhotometricInterpretation, "YBR_FULL");
  OFCondition condition = dataset->chooseRepresentation(EXS_LittleEndianExplicit, nullptr);
  if (condition.bad() || !dataset->canWriteXfer(EXS_LittleEndianExplicit)) {
    return fail(err, condition.bad() ? std::string("cannot decode pixel data: ") + condition.text()
                                     : std::string("cannot decode pixel data"));
  }
  OFString decoded_photometric;
  dataset->findAndGetOFString(DCM_PhotometricInterpretation, decoded_photometric);
  Uint16 decoded_planar = 0;
  dataset->findAndGetUint16(DCM_PlanarConfiguration, decoded_planar);
  photometric = decoded_photometric.c_str();
  planar = decoded_planar;
  return copy_native(dataset, out, err);
}

}  // namespace

extern "C" int dd_file_decode_pixels(dd_file_t *file, dd_load_limits_t limits, dd_decoded_pixels_t *out,
                                     dd_error_t *err) {
  std::memset(out, 0, sizeof(*out));
  return guarded(err, [&] {
    DcmDataset *dataset = file->format.getDataset();
    uint64_t expected = expected_pixel_bytes(dataset);
    OFString declared_photometric;
    dataset->findAndGetOFString(DCM_PhotometricInterpretation, declared_photometric);
    if (declared_photometric == "YBR_FULL_422" && !DcmXfer(dataset->getOriginalXfer()).isEncapsulated())
      expected = expected / 3 * 2;  // native 4:2:2 stores two chroma samples per two pixels
    if (expected == 0) return fail(err, "incomplete image pixel module (Rows, Columns or Bits Allocated missing)");
    if (expected > limits.max_pixel_bytes)
      return fail(err, "declared image size " + std::to_string(expected) + " bytes exceeds the limit of " +
                           std::to_string(limits.max_pixel_bytes));
    DcmElement *element = nullptr;
    if (dataset->findAndGetElement(DCM_PixelData, element, OFFalse).bad() || element == nullptr)
      return fail(err, "no pixel data");

    std::vector<uint8_t> native;
    std::string photometric;
    int32_t planar = 0;
    const std::string xfer = file->original_xfer_uid;
    if (!dd_xfer_is_decodable(xfer.c_str())) {
      return fail(err, "unsupported transfer syntax " + xfer + " (" + dd_xfer_name(xfer.c_str()) + ")");
    } else if (is_jpeg2000(xfer)) {
      if (decode_jpeg2000(dataset, native, photometric, err) != 0) return 1;
    } else if (decode_with_dcmtk(dataset, native, photometric, planar, err) != 0) {
      return 1;
    }
    if (native.size() < expected)
      return fail(err, "pixel data holds " + std::to_string(native.size()) + " bytes, the image needs " +
                           std::to_string(expected));
    native.resize(expected);  // drop the pad byte and any trailing garbage
    out->data = static_cast<uint8_t *>(std::malloc(native.size()));
    if (out->data == nullptr) return fail(err, "out of memory");
    std::memcpy(out->data, native.data(), native.size());
    out->length = native.size();
    std::strncpy(out->photometric, photometric.c_str(), sizeof(out->photometric) - 1);
    out->planar_configuration = planar;
    return 0;
  });
}

extern "C" void dd_decoded_pixels_free(dd_decoded_pixels_t *pixels) {
  std::free(pixels->data);
  pixels->data = nullptr;
  pixels->length = 0;
}

extern "C" int dd_file_set_native_pixels(dd_file_t *file, const uint8_t *data, size_t length,
                                         uint16_t bits_allocated, dd_error_t *err) {
  return guarded(err, [&] {
    DcmDataset *dataset = file->format.getDataset();
    // A fresh element: the old one may carry encapsulated representations of the old pixels.
    delete dataset->remove(DCM_PixelData);
    std::vector<uint8_t> padded(data, data + length);
    if (padded.size() % 2 != 0) padded.push_back(0);
    OFCondition condition;
    if (bits_allocated <= 8) {
      auto *pixels = new DcmPixelData(DcmTag(DCM_PixelData, EVR_OB));
      condition = pixels->putUint8Array(padded.data(), Uint32(padded.size()));
      if (condition.good()) condition = dataset->insert(pixels, OFTrue);
      else delete pixels;
    } else {
      auto *pixels = new DcmPixelData(DcmTag(DCM_PixelData, EVR_OW));
      condition = pixels->putUint16Array(reinterpret_cast<const Uint16 *>(padded.data()),
                                         Uint32(padded.size() / 2));
      if (condition.good()) condition = dataset->insert(pixels, OFTrue);
      else delete pixels;
    }
    if (condition.bad()) return fail(err, condition, "cannot store pixel data");
    return 0;
  });
}
