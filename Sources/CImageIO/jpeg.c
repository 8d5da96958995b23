// JPEG through libjpeg: errors longjmp back here and become a status.
#include "CImageIO.h"

#include <setjmp.h>
#include <stdio.h>

#include <jpeglib.h>
#include <stdlib.h>
#include <string.h>

struct error_manager {
  struct jpeg_error_mgr base;
  jmp_buf escape;
  char message[JMSG_LENGTH_MAX];
};

static void on_error(j_common_ptr info) {
  struct error_manager *manager = (struct error_manager *)info->err;
  (*info->err->format_message)(info, manager->message);
  longjmp(manager->escape, 1);
}

static void on_message(j_common_ptr info) { (void)info; }

int dd_jpeg_read(const char *path, dd_image_t *out, char *error, size_t error_size) {
  memset(out, 0, sizeof(*out));
  FILE *file = fopen(path, "rb");
  if (file == NULL) {
    strncpy(error, "cannot open file", error_size - 1);
    return 1;
  }
  struct jpeg_decompress_struct info;
  struct error_manager manager;
  uint8_t *volatile data = NULL;
  info.err = jpeg_std_error(&manager.base);
  manager.base.error_exit = on_error;
  manager.base.output_message = on_message;
  if (setjmp(manager.escape)) {
    snprintf(error, error_size, "not a readable JPEG file: %s", manager.message);
    jpeg_destroy_decompress(&info);
    free(data);
    fclose(file);
    return 1;
  }
  jpeg_create_decompress(&info);
  jpeg_stdio_src(&info, file);
  jpeg_read_header(&info, TRUE);
  info.out_color_space = info.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
  jpeg_start_decompress(&info);
  const size_t row_bytes = (size_t)info.output_width * info.output_components;
  data = malloc(row_bytes * info.output_height);
  if (data == NULL) {
    strncpy(manager.message, "out of memory", sizeof(manager.message));
    longjmp(manager.escape, 1);
  }
  while (info.output_scanline < info.output_height) {
    JSAMPROW row = data + (size_t)info.output_scanline * row_bytes;
    jpeg_read_scanlines(&info, &row, 1);
  }
  out->width = info.output_width;
  out->height = info.output_height;
  out->channels = (uint32_t)info.output_components;
  out->bit_depth = 8;
  jpeg_finish_decompress(&info);
  jpeg_destroy_decompress(&info);
  fclose(file);
  out->data = data;
  return 0;
}
