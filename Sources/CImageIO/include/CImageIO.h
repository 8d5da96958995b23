// CImageIO — PNG (libpng) and JPEG (libjpeg) reading and PNG writing, for DicomCore.
// Status results: 0 on success, non-zero on failure with a message in `error`.
#ifndef CIMAGEIO_H
#define CIMAGEIO_H

#include <stddef.h>
#include <stdint.h>

#pragma clang assume_nonnull begin

typedef struct dd_image_t {
  uint8_t *_Nullable data;  ///< malloc'd, interleaved; 16-bit samples in host byte order
  uint32_t width;
  uint32_t height;
  uint32_t channels;        ///< 1 (grey) or 3 (RGB); alpha is dropped, palette expanded
  uint32_t bit_depth;       ///< 8 or 16
} dd_image_t;

int dd_png_read(const char *path, dd_image_t *out, char *error, size_t error_size);
int dd_jpeg_read(const char *path, dd_image_t *out, char *error, size_t error_size);
/// Writes 8- or 16-bit grey or RGB; `dpi` > 0 is recorded in the pHYs chunk.
int dd_png_write(const char *path, const uint8_t *data, uint32_t width, uint32_t height, uint32_t channels,
                 uint32_t bit_depth, uint32_t dpi, char *error, size_t error_size);
void dd_image_free(dd_image_t *image);

#pragma clang assume_nonnull end

#endif
