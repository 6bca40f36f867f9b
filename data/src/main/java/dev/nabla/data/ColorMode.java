package dev.nabla.data;

/** How image pixels become channels. */
public enum ColorMode {
    /**
     * One channel: the luma {@code 0.299 R + 0.587 G + 0.114 B} (ITU-R BT.601, as PIL's
     * {@code convert("L")}); a grayscale file's own values are kept as they are.
     */
    GRAYSCALE(1),
    /** Three channels R, G, B; a grayscale file gives three equal channels; alpha is dropped. */
    RGB(3);

    private final int channels;

    ColorMode(int channels) {
        this.channels = channels;
    }

    /** The number of channels C of a {@code [C, H, W]} sample. */
    public int channels() {
        return channels;
    }
}
