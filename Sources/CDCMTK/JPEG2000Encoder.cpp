// JPEG 2000 reversible (lossless) encoding through OpenJPEG, so an image read as JPEG 2000
// Lossless Only is written back in it after its pixels changed (Debian's DCMTK has no codec).
#include "Internal.h"

#include "dcmtk/dcmdata/dcpixseq.h"
#include "dcmtk/dcmdata/dcpxitem.h"

#include <openjpeg.h>

#include <cstring>

namespace cdcmtk {

namespace {

struct OutputStream {
  std::vector<uint8_t> bytes;
  size_t position = 0;
};

// The callbacks run inside OpenJPEG's C frames: no exception may leave them.
bool reserve(OutputStream *stream, size_t size) {
  try {
    if (size > stream->bytes.size()) stream->bytes.resize(size);
    return true;
  } catch (...) {
    return false;
  }
}

OPJ_SIZE_T stream_write(void *buffer, OPJ_SIZE_T count, void *user) {
  auto *stream = static_cast<OutputStream *>(user);
  if (!reserve(stream, stream->position + count)) return OPJ_SIZE_T(-1);
  std::memcpy(stream->bytes.data() + stream->position, buffer, count);
  stream->position += count;
  return count;
}

OPJ_OFF_T stream_skip(OPJ_OFF_T count, void *user) {
  auto *stream = static_cast<OutputStream *>(user);
  if (OPJ_OFF_T(stream->position) + count < 0 || !reserve(stream, size_t(OPJ_OFF_T(stream->position) + count))) return -1;
  stream->position = size_t(OPJ_OFF_T(stream->position) + count);
  return count;
}

OPJ_BOOL stream_seek(OPJ_OFF_T offset, void *user) {
  auto *stream = static_cast<OutputStream *>(user);
  if (offset < 0 || !reserve(stream, size_t(offset))) return OPJ_FALSE;
  stream->position = size_t(offset);
  return OPJ_TRUE;
}

void quiet(const char *, void *) {}

struct Layout {
  Uint16 rows = 0, columns = 0, samples = 1, bits_allocated = 0, bits_stored = 0, representation = 0;
  size_t frames = 1;
  /// RGB samples get the reversible colour transform (stored as YBR_RCT); other colour
  /// models (YBR_FULL after a paint) are coded component by component and keep their name.
  bool colour_transform = false;
};

/// One frame of native, interleaved, little-endian samples as a J2K codestream (reversible 5/3
/// wavelet, one quality layer, the reversible colour transform for RGB).
int encode_frame(const uint8_t *native, const Layout &layout, std::vector<uint8_t> &codestream, dd_error_t *err) {
  const size_t pixels = size_t(layout.rows) * layout.columns;
  const size_t bytes_per_sample = layout.bits_allocated <= 8 ? 1 : 2;
  std::vector<opj_image_cmptparm_t> parameters(layout.samples);
  for (auto &component : parameters) {
    std::memset(&component, 0, sizeof(component));
    component.dx = component.dy = 1;
    component.w = layout.columns;
    component.h = layout.rows;
    component.prec = layout.bits_stored;
    component.sgnd = layout.representation;
  }
  const OPJ_COLOR_SPACE space = layout.samples == 3 ? OPJ_CLRSPC_SRGB : OPJ_CLRSPC_GRAY;
  opj_image_t *image = opj_image_create(layout.samples, parameters.data(), space);
  if (image == nullptr) return fail(err, "cannot create a JPEG 2000 image");
  image->x0 = image->y0 = 0;
  image->x1 = layout.columns;
  image->y1 = layout.rows;
  const uint32_t mask = (1u << layout.bits_stored) - 1;
  const int32_t sign = layout.representation ? int32_t(1u << (layout.bits_stored - 1)) : 0;
  for (size_t p = 0; p < pixels; p++) {
    for (size_t c = 0; c < layout.samples; c++) {
      const size_t index = (p * layout.samples + c) * bytes_per_sample;
      uint32_t value = native[index];
      if (bytes_per_sample == 2) value |= uint32_t(native[index + 1]) << 8;
      int32_t sample = int32_t(value & mask);
      if (sign != 0 && (sample & sign) != 0) sample -= int32_t(mask) + 1;
      image->comps[c].data[p] = sample;
    }
  }

  opj_cparameters_t settings;
  opj_set_default_encoder_parameters(&settings);
  settings.tcp_numlayers = 1;
  settings.tcp_rates[0] = 0;  // lossless
  settings.cp_disto_alloc = 1;
  settings.irreversible = 0;
  settings.tcp_mct = layout.colour_transform ? 1 : 0;
  int resolutions = 1;
  while (resolutions < 6 && (std::min(layout.rows, layout.columns) >> resolutions) >= 1) resolutions++;
  settings.numresolution = resolutions;

  opj_codec_t *codec = opj_create_compress(OPJ_CODEC_J2K);
  if (codec == nullptr) {
    opj_image_destroy(image);
    return fail(err, "cannot create a JPEG 2000 encoder");
  }
  opj_set_info_handler(codec, quiet, nullptr);
  opj_set_warning_handler(codec, quiet, nullptr);
  opj_set_error_handler(codec, quiet, nullptr);
  OutputStream output;
  opj_stream_t *stream = opj_stream_default_create(OPJ_FALSE);
  opj_stream_set_user_data(stream, &output, nullptr);
  opj_stream_set_write_function(stream, stream_write);
  opj_stream_set_skip_function(stream, stream_skip);
  opj_stream_set_seek_function(stream, stream_seek);
  int status = 0;
  if (!opj_setup_encoder(codec, &settings, image) || !opj_start_compress(codec, image, stream) ||
      !opj_encode(codec, stream) || !opj_end_compress(codec, stream)) {
    status = fail(err, "cannot encode a JPEG 2000 frame");
  } else {
    codestream = std::move(output.bytes);
  }
  opj_stream_destroy(stream);
  opj_destroy_codec(codec);
  opj_image_destroy(image);
  return status;
}

}  // namespace

int encode_jpeg2000_lossless(DcmDataset *dataset, dd_error_t *err) {
  Layout layout;
  dataset->findAndGetUint16(DCM_Rows, layout.rows);
  dataset->findAndGetUint16(DCM_Columns, layout.columns);
  dataset->findAndGetUint16(DCM_SamplesPerPixel, layout.samples);
  dataset->findAndGetUint16(DCM_BitsAllocated, layout.bits_allocated);
  dataset->findAndGetUint16(DCM_BitsStored, layout.bits_stored);
  dataset->findAndGetUint16(DCM_PixelRepresentation, layout.representation);
  Sint32 frames = 1;
  if (dataset->findAndGetSint32(DCM_NumberOfFrames, frames).good() && frames > 1) layout.frames = size_t(frames);
  if ((layout.samples != 1 && layout.samples != 3) || (layout.bits_allocated != 8 && layout.bits_allocated != 16) ||
      layout.bits_stored == 0 || layout.bits_stored > layout.bits_allocated)
    return fail(err, "cannot encode these pixels in JPEG 2000 (samples, bits)");
  Uint16 planar = 0;
  if (layout.samples == 3 && dataset->findAndGetUint16(DCM_PlanarConfiguration, planar).good() && planar != 0)
    return fail(err, "cannot encode planar colour pixels in JPEG 2000");
  OFString photometric;
  dataset->findAndGetOFString(DCM_PhotometricInterpretation, photometric);
  layout.colour_transform = layout.samples == 3 && photometric == "RGB";

  DcmElement *element = nullptr;
  if (dataset->findAndGetElement(DCM_PixelData, element, OFFalse).bad()) return fail(err, "no pixel data");
  auto *pixel_data = static_cast<DcmPixelData *>(element);
  if (dataset->chooseRepresentation(EXS_LittleEndianExplicit, nullptr).bad())
    return fail(err, "pixel data is not available uncompressed");
  Uint8 *native = nullptr;
  if (pixel_data->getUint8Array(native).bad() || native == nullptr) return fail(err, "cannot read the native pixels");
  const size_t frame_bytes = size_t(layout.rows) * layout.columns * layout.samples * (layout.bits_allocated / 8);
  if (size_t(pixel_data->getLength()) < frame_bytes * layout.frames) return fail(err, "pixel data shorter than declared");

  auto *sequence = new DcmPixelSequence(DCM_PixelSequenceTag);
  auto *offsets = new DcmPixelItem(DCM_PixelItemTag);
  sequence->insert(offsets);
  std::vector<Uint32> table;
  Uint32 position = 0;
  for (size_t frame = 0; frame < layout.frames; frame++) {
    std::vector<uint8_t> codestream;
    if (encode_frame(native + frame * frame_bytes, layout, codestream, err) != 0) {
      delete sequence;
      return 1;
    }
    if (codestream.size() % 2 != 0) codestream.push_back(0);
    auto *fragment = new DcmPixelItem(DCM_PixelItemTag);
    sequence->insert(fragment);
    if (fragment->putUint8Array(codestream.data(), Uint32(codestream.size())).bad()) {
      delete sequence;
      return fail(err, "cannot store a JPEG 2000 fragment");
    }
    table.push_back(position);
    position += Uint32(codestream.size()) + 8;
  }
  if (layout.frames > 1) {
    std::vector<Uint8> bytes(table.size() * 4);
    for (size_t i = 0; i < table.size(); i++)
      for (int b = 0; b < 4; b++) bytes[i * 4 + size_t(b)] = Uint8((table[i] >> (8 * b)) & 0xFF);
    offsets->putUint8Array(bytes.data(), Uint32(bytes.size()));
  }
  pixel_data->putOriginalRepresentation(EXS_JPEG2000LosslessOnly, nullptr, sequence);
  // the reversible colour transform was applied: the stream holds YBR_RCT
  if (layout.colour_transform) dataset->putAndInsertString(DCM_PhotometricInterpretation, "YBR_RCT");
  return 0;
}

}  // namespace cdcmtk
