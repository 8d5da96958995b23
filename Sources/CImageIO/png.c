// PNG through libpng: errors longjmp back here and become a status.
#include "CImageIO.h"

#include <png.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set_error(char *error, size_t size, const char *message) {
  if (size > 0) {
    strncpy(error, message, size - 1);
    error[size - 1] = '\0';
  }
}

// libpng reports through these instead of printing: errors unwind to the caller's setjmp, which
// returns a status with our own message; warnings are dropped.
static void on_png_error(png_structp png, png_const_charp message) {
  (void)message;
  png_longjmp(png, 1);
}

static void on_png_warning(png_structp png, png_const_charp message) {
  (void)png;
  (void)message;
}

void dd_image_free(dd_image_t *image) {
  free(image->data);
  image->data = NULL;
}

int dd_png_read(const char *path, dd_image_t *out, char *error, size_t error_size) {
  memset(out, 0, sizeof(*out));
  FILE *file = fopen(path, "rb");
  if (file == NULL) {
    set_error(error, error_size, "cannot open file");
    return 1;
  }
  png_structp png = png_create_read_struct(PNG_LIBPNG_VER_STRING, NULL, on_png_error, on_png_warning);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  uint8_t *volatile data = NULL;
  png_bytep *volatile rows = NULL;
  if (png == NULL || info == NULL || setjmp(png_jmpbuf(png))) {
    set_error(error, error_size, "not a readable PNG file");
    png_destroy_read_struct(&png, &info, NULL);
    free(data);
    free(rows);
    fclose(file);
    return 1;
  }
  png_init_io(png, file);
  png_read_info(png, info);
  const int color_type = png_get_color_type(png, info);
  const int depth = png_get_bit_depth(png, info);
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color_type == PNG_COLOR_TYPE_GRAY && depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (color_type & PNG_COLOR_MASK_ALPHA) png_set_strip_alpha(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png), png_set_strip_alpha(png);
  if (depth == 16) png_set_swap(png);  // to host (little-endian) order
  png_read_update_info(png, info);
  const uint32_t width = png_get_image_width(png, info), height = png_get_image_height(png, info);
  const uint32_t channels = png_get_channels(png, info);
  const uint32_t bit_depth = png_get_bit_depth(png, info);
  const size_t row_bytes = png_get_rowbytes(png, info);
  if (channels != 1 && channels != 3) png_error(png, "unsupported channel layout");
  data = malloc(row_bytes * height);
  rows = malloc(sizeof(png_bytep) * height);
  if (data == NULL || rows == NULL) png_error(png, "out of memory");
  for (uint32_t y = 0; y < height; y++) rows[y] = data + y * row_bytes;
  png_read_image(png, rows);
  png_read_end(png, NULL);
  png_destroy_read_struct(&png, &info, NULL);
  free(rows);
  fclose(file);
  out->data = data;
  out->width = width;
  out->height = height;
  out->channels = channels;
  out->bit_depth = bit_depth;
  return 0;
}

int dd_png_write(const char *path, const uint8_t *data, uint32_t width, uint32_t height, uint32_t channels,
                 uint32_t bit_depth, uint32_t dpi, char *error, size_t error_size) {
  FILE *file = fopen(path, "wb");
  if (file == NULL) {
    set_error(error, error_size, "cannot create file");
    return 1;
  }
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, NULL, on_png_error, on_png_warning);
  png_infop info = png ? png_create_info_struct(png) : NULL;
  png_bytep *volatile rows = NULL;
  if (png == NULL || info == NULL || setjmp(png_jmpbuf(png))) {
    set_error(error, error_size, "cannot write PNG");
    png_destroy_write_struct(&png, &info);
    free(rows);
    fclose(file);
    return 1;
  }
  png_init_io(png, file);
  png_set_IHDR(png, info, width, height, (int)bit_depth, channels == 3 ? PNG_COLOR_TYPE_RGB : PNG_COLOR_TYPE_GRAY,
               PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (dpi > 0) {
    const png_uint_32 per_metre = (png_uint_32)((double)dpi / 0.0254 + 0.5);
    png_set_pHYs(png, info, per_metre, per_metre, PNG_RESOLUTION_METER);
  }
  png_set_compression_level(png, 6);
  png_write_info(png, info);
  if (bit_depth == 16) png_set_swap(png);
  const size_t row_bytes = (size_t)width * channels * (bit_depth / 8);
  rows = malloc(sizeof(png_bytep) * height);
  if (rows == NULL) png_error(png, "out of memory");
  for (uint32_t y = 0; y < height; y++) rows[y] = (png_bytep)(data + y * row_bytes);
  png_write_image(png, rows);
  png_write_end(png, NULL);
  png_destroy_write_struct(&png, &info);
  free(rows);
  if (fclose(file) != 0) {
    set_error(error, error_size, "cannot finish writing PNG");
    return 1;
  }
  return 0;
}
