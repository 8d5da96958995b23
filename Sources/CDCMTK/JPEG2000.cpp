// JPEG 2000 decoding through OpenJPEG: Debian's DCMTK 3.6.7 has no JPEG 2000 codec.
#include "Internal.h"

#include "dcmtk/dcmdata/dcpxitem.h"

#include <openjpeg.h>

#include <algorithm>
#include <cstring>

namespace cdcmtk {

bool is_jpeg2000(const std::string &uid) {
  return uid == UID_JPEG2000LosslessOnlyTransferSyntax || uid == UID_JPEG2000TransferSyntax ||
         uid == UID_JPEG2000Part2MulticomponentImageCompressionLosslessOnlyTransferSyntax ||
         uid == UID_JPEG2000Part2MulticomponentImageCompressionTransferSyntax;
}

namespace {

struct MemoryStream {
  const uint8_t *data;
  size_t length;
  size_t position;
};

OPJ_SIZE_T stream_read(void *buffer, OPJ_SIZE_T count, void *user) {
  auto *stream = static_cast<MemoryStream *>(user);
  if (stream->position >= stream->length) return OPJ_SIZE_T(-1);
  const size_t n = std::min<size_t>(count, stream->length - stream->position);
  std::memcpy(buffer, stream->data + stream->position, n);
  stream->position += n;
  return n;
}

OPJ_OFF_T stream_skip(OPJ_OFF_T count, void *user) {
  auto *stream = static_cast<MemoryStream *>(user);
  const OPJ_OFF_T target = std::clamp<OPJ_OFF_T>(OPJ_OFF_T(stream->position) + count, 0, OPJ_OFF_T(stream->length));
  const OPJ_OFF_T skipped = target - OPJ_OFF_T(stream->position);
  stream->position = size_t(target);
  return skipped;
}

OPJ_BOOL stream_seek(OPJ_OFF_T offset, void *user) {
  auto *stream = static_cast<MemoryStream *>(user);
  if (offset < 0 || size_t(offset) > stream->length) return OPJ_FALSE;
  stream->position = size_t(offset);
  return OPJ_TRUE;
}

void quiet(const char *, void *) {}

/// Splits the encapsulated fragments into frames: by the Basic Offset Table when present,
/// one fragment per frame when the counts agree, otherwise by the codestream's SOC marker.
std::vector<std::vector<uint8_t>> frames_of(DcmPixelSequence *sequence, size_t frame_count) {
  std::vector<std::vector<uint8_t>> frames;
  const unsigned long items = sequence->card();
  std::vector<std::pair<uint8_t *, Uint32>> fragments;
  for (unsigned long i = 1; i < items; i++) {
    DcmPixelItem *item = nullptr;
    Uint8 *bytes = nullptr;
    if (sequence->getItem(item, i).bad() || item->getUint8Array(bytes).bad()) continue;
    fragments.push_back({bytes, item->getLength()});
  }
  if (frame_count == 1 || fragments.size() == frame_count) {
    if (frame_count == 1) {
      frames.emplace_back();
      for (auto &[bytes, length] : fragments) frames.back().insert(frames.back().end(), bytes, bytes + length);
    } else {
      for (auto &[bytes, length] : fragments) frames.emplace_back(bytes, bytes + length);
    }
    return frames;
  }
  for (auto &[bytes, length] : fragments) {
    const bool starts_codestream = length >= 2 && bytes[0] == 0xFF && bytes[1] == 0x4F;
    if (starts_codestream || frames.empty()) frames.emplace_back();
    frames.back().insert(frames.back().end(), bytes, bytes + length);
  }
  return frames;
}

int decode_frame(const std::vector<uint8_t> &codestream, uint16_t bits_allocated, size_t expected_samples,
                 std::vector<uint8_t> &out, dd_error_t *err) {
  const bool is_jp2 = codestream.size() > 12 && codestream[4] == 'j' && codestream[5] == 'P';
  opj_codec_t *codec = opj_create_decompress(is_jp2 ? OPJ_CODEC_JP2 : OPJ_CODEC_J2K);
  opj_set_info_handler(codec, quiet, nullptr);
  opj_set_warning_handler(codec, quiet, nullptr);
  opj_set_error_handler(codec, quiet, nullptr);
  opj_dparameters_t parameters;
  opj_set_default_decoder_parameters(&parameters);
  opj_setup_decoder(codec, &parameters);

  MemoryStream memory{codestream.data(), codestream.size(), 0};
  opj_stream_t *stream = opj_stream_default_create(OPJ_TRUE);
  opj_stream_set_user_data(stream, &memory, nullptr);
  opj_stream_set_user_data_length(stream, codestream.size());
  opj_stream_set_read_function(stream, stream_read);
  opj_stream_set_skip_function(stream, stream_skip);
  opj_stream_set_seek_function(stream, stream_seek);

  opj_image_t *image = nullptr;
  int status = 0;
  if (!opj_read_header(stream, codec, &image) || !opj_decode(codec, stream, image) ||
      !opj_end_decompress(codec, stream)) {
    status = fail(err, "cannot decode JPEG 2000 frame");
  } else {
    const size_t components = image->numcomps;
    const size_t pixels = size_t(image->comps[0].w) * image->comps[0].h;
    if (components * pixels != expected_samples) {
      status = fail(err, "JPEG 2000 frame size does not match Rows x Columns x Samples per Pixel");
    } else {
      const size_t bytes_per_sample = bits_allocated <= 8 ? 1 : 2;
      const size_t start = out.size();
      out.resize(start + expected_samples * bytes_per_sample);
      uint8_t *target = out.data() + start;
      for (size_t p = 0; p < pixels; p++) {
        for (size_t c = 0; c < components; c++) {
          const int32_t value = image->comps[c].data[p];
          const size_t index = (p * components + c) * bytes_per_sample;
          target[index] = uint8_t(value & 0xFF);
          if (bytes_per_sample == 2) target[index + 1] = uint8_t((value >> 8) & 0xFF);
        }
      }
    }
  }
  if (image != nullptr) opj_image_destroy(image);
  opj_stream_destroy(stream);
  opj_destroy_codec(codec);
  return status;
}

}  // namespace

int decode_jpeg2000(DcmDataset *dataset, std::vector<uint8_t> &out, std::string &photometric, dd_error_t *err) {
  DcmElement *element = nullptr;
  if (dataset->findAndGetElement(DCM_PixelData, element, OFFalse).bad()) return fail(err, "no pixel data");
  auto *pixel_data = static_cast<DcmPixelData *>(element);
  DcmPixelSequence *sequence = nullptr;
  const E_TransferSyntax xfer = dataset->getOriginalXfer();
  if (pixel_data->getEncapsulatedRepresentation(xfer, nullptr, sequence).bad() || sequence == nullptr)
    return fail(err, "JPEG 2000 pixel data is not encapsulated");

  Uint16 rows = 0, columns = 0, bits = 0, samples = 1;
  dataset->findAndGetUint16(DCM_Rows, rows);
  dataset->findAndGetUint16(DCM_Columns, columns);
  dataset->findAndGetUint16(DCM_BitsAllocated, bits);
  dataset->findAndGetUint16(DCM_SamplesPerPixel, samples);
  Sint32 frame_count = 1;
  if (dataset->findAndGetSint32(DCM_NumberOfFrames, frame_count).bad() || frame_count < 1) frame_count = 1;

  const auto frames = frames_of(sequence, size_t(frame_count));
  if (frames.size() < size_t(frame_count))
    return fail(err, "JPEG 2000 pixel data holds " + std::to_string(frames.size()) + " frames, " +
                         std::to_string(frame_count) + " declared");
  const size_t samples_per_frame = size_t(rows) * columns * samples;
  for (Sint32 i = 0; i < frame_count; i++) {
    if (decode_frame(frames[size_t(i)], bits, samples_per_frame, out, err) != 0) return 1;
  }
  OFString declared;
  dataset->findAndGetOFString(DCM_PhotometricInterpretation, declared);
  // OpenJPEG undoes the reversible/irreversible colour transform itself.
  photometric = (declared == "YBR_RCT" || declared == "YBR_ICT") ? "RGB" : declared.c_str();
  return 0;
}

}  // namespace cdcmtk
