package org.agora.proposals;

import org.agora.shared.FileFormat;

/** A file as it was sent: the name the browser gave (shown, never trusted) and at most one byte more than allowed. */
record Upload(String fileName, byte[] bytes) {

    /** The name reduced to safe characters, for display and downloads. */
    String safeName(FileFormat format) {
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        base = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^\\p{L}\\p{N} ._-]", "_").strip();
        if (base.isEmpty()) {
            base = "piece-jointe";
        }
        if (base.length() > 150) {
            base = base.substring(0, 150);
        }
        return base + "." + format.extension();
    }
}
