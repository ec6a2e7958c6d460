package org.agora.processes;

import org.agora.shared.FileFormat;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageFormatTests {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F'};
    static final byte[] WEBP = {'R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', ' '};

    @Test
    void recognisesPngJpegAndWebpFromTheirFirstBytes() {
        assertThat(ImageFormat.detect(PNG)).contains(FileFormat.PNG);
        assertThat(ImageFormat.detect(JPEG)).contains(FileFormat.JPEG);
        assertThat(ImageFormat.detect(WEBP)).contains(FileFormat.WEBP);
    }

    @Test
    void refusesATextFileOrASvgWhateverItsName() {
        assertThat(ImageFormat.detect("not really a PNG".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageFormat.detect("<svg xmlns=\"http://www.w3.org/2000/svg\"><script/></svg>".getBytes(StandardCharsets.UTF_8))).isEmpty();
        assertThat(ImageFormat.detect(new byte[0])).isEmpty();
    }
}
