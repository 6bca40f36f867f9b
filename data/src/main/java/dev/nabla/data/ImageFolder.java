package dev.nabla.data;

import dev.nabla.autodiff.Tensor;
import dev.nabla.tensor.Device;
import dev.nabla.tensor.Shape;
import dev.nabla.tensor.spi.Backends;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Images laid out one folder per class, as torchvision's {@code ImageFolder} and Keras's
 * {@code flow_from_directory} read them:
 *
 * <pre>
 * root/ants/0013035.jpg      label 0 ("ants")
 * root/ants/more/1030023.png label 0 (subfolders of a class folder belong to it)
 * root/bees/16838648.jpg     label 1 ("bees")
 * </pre>
 *
 * <p>Class names are the class folder names in sorted order; files are taken in sorted path order.
 * Files ending in {@code .png .jpg .jpeg .gif .bmp} (any case) are images, read through
 * {@code javax.imageio}; other files and names starting with a dot are ignored. Each sample is
 * {@code [C, H, W]} F32 with values {@code 0..255} (C from {@link ColorMode}), resized to the
 * target size if one is set, decoded when {@link #get} is called (so a {@link DataLoader} decodes
 * on its worker threads).
 *
 * <p>Unreadable files: opening the folder checks every image's header (and, with
 * {@link Builder#verify(boolean) verify}, decodes it fully); a file that fails is skipped and listed in
 * {@link #skipped()}, or with {@link UnreadablePolicy#FAIL} ends the opening with an error naming it.
 *
 * <pre>{@code
 * ImageFolder train = ImageFolder.builder(Path.of("hymenoptera/train")).targetSize(64, 64).open();
 * train.skipped().forEach(System.err::println);
 * }</pre>
 */
public final class ImageFolder implements Dataset {
    /** The file name extensions read as images, lower case. */
    public static final Set<String> EXTENSIONS = Set.of("png", "jpg", "jpeg", "gif", "bmp");

    private final Path root;
    private final List<String> classNames;
    private final List<Path> files;
    private final int[] labels;
    private final List<SkippedFile> skipped;
    private final ColorMode colorMode;
    private final ResizeMethod resizeMethod;
    private final int targetHeight;
    private final int targetWidth;
    private final Device device;

    private ImageFolder(Builder b, List<String> classNames, List<Path> files, int[] labels, List<SkippedFile> skipped) {
        this.root = b.root;
        this.classNames = List.copyOf(classNames);
        this.files = List.copyOf(files);
        this.labels = labels;
        this.skipped = List.copyOf(skipped);
        this.colorMode = b.colorMode;
        this.resizeMethod = b.resizeMethod;
        this.targetHeight = b.targetHeight;
        this.targetWidth = b.targetWidth;
        this.device = b.device != null ? b.device : Backends.defaultDevice();
    }

    /** A builder for the image folder at {@code root}; nothing is read until {@link Builder#open()}. */
    public static Builder builder(Path root) {
        return new Builder(root);
    }

    @Override
    public int size() {
        return files.size();
    }

    /**
     * The image at {@code index}, decoded now: features {@code [C, H, W]} (the target size if set),
     * values {@code 0..255}, label its class index.
     *
     * @throws UncheckedIOException naming the file if it cannot be decoded (its header was fine)
     */
    @Override
    public Sample get(int index) {
        Path file = files.get(Indices.check("imageFolder.get", index, files.size()));
        ImageDecoding.Planes planes;
        try {
            planes = decode(file);
        } catch (IOException e) {
            throw new UncheckedIOException("imageFolder: cannot read " + file + ": " + e.getMessage(), e);
        }
        return new Sample(Tensor.fromArray(planes.values(), Shape.of(planes.channels(), planes.height(),
                planes.width()), device), labels[index]);
    }

    /** The class folder names, sorted; label k is {@code classNames().get(k)}. */
    @Override
    public List<String> classNames() {
        return classNames;
    }

    /** The image files, in sample order. */
    public List<Path> files() {
        return files;
    }

    /** The class index of sample {@code index}, without decoding it. */
    public int label(int index) {
        return labels[Indices.check("imageFolder.label", index, labels.length)];
    }

    /** The files left out because they could not be read, with the reasons; empty if none. */
    public List<SkippedFile> skipped() {
        return skipped;
    }

    /** The folder holding the class folders. */
    public Path root() {
        return root;
    }

    /** The shape of every sample {@code [C, H, W]}, or null when no target size is set (images keep their own). */
    public Shape sampleShape() {
        return targetHeight == 0 ? null : Shape.of(colorMode.channels(), targetHeight, targetWidth);
    }

    /** For example {@code ImageFolder(root=data/train, 245 images, classes=[ants, bees], [3, 64, 64], 1 skipped)}. */
    @Override
    public String toString() {
        return "ImageFolder(root=" + root + ", " + files.size() + " images, classes=" + classNames + ", "
                + (targetHeight == 0 ? "original size, " + colorMode : sampleShape().toString()) + ", "
                + skipped.size() + " skipped)";
    }

    private ImageDecoding.Planes decode(Path file) throws IOException {
        ImageDecoding.Planes planes = ImageDecoding.read(file, colorMode);
        return targetHeight == 0 ? planes : planes.resize(targetHeight, targetWidth, resizeMethod);
    }

    /** Settings of an {@link ImageFolder}; only the root is required. */
    public static final class Builder {
        private final Path root;
        private int targetHeight;
        private int targetWidth;
        private ColorMode colorMode = ColorMode.RGB;
        private ResizeMethod resizeMethod = ResizeMethod.AREA;
        private UnreadablePolicy unreadable = UnreadablePolicy.SKIP;
        private boolean verify;
        private Device device;

        private Builder(Path root) {
            this.root = Objects.requireNonNull(root, "root");
        }

        /** Resizes every image to {@code height x width}; default: keep each image's own size. */
        public Builder targetSize(int height, int width) {
            if (height < 1 || width < 1) {
                throw new IllegalArgumentException("imageFolder: targetSize must be >= 1 x 1, got "
                        + height + " x " + width);
            }
            this.targetHeight = height;
            this.targetWidth = width;
            return this;
        }

        /** RGB (3 channels, the default) or grayscale (1 channel). */
        public Builder colorMode(ColorMode mode) {
            this.colorMode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /** How images are resized to the target size; default {@link ResizeMethod#AREA}. */
        public Builder resize(ResizeMethod method) {
            this.resizeMethod = Objects.requireNonNull(method, "method");
            return this;
        }

        /** Skip and report (the default) or fail on unreadable files. */
        public Builder onUnreadable(UnreadablePolicy policy) {
            this.unreadable = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Decodes every image fully when opening (slower) instead of checking its header only, so
         * that files truncated after a valid header are caught then and not in training; default false.
         */
        public Builder verify(boolean verify) {
            this.verify = verify;
            return this;
        }

        /** The device samples are created on; default {@link Backends#defaultDevice()}. */
        public Builder device(Device device) {
            this.device = Objects.requireNonNull(device, "device");
            return this;
        }

        /**
         * Scans the folder and checks the images.
         *
         * @throws NoSuchFileException if {@code root} does not exist
         * @throws DatasetFormatException if there is no class folder, a class folder holds no
         *     readable image, or (with {@link UnreadablePolicy#FAIL}) an image is unreadable
         */
        public ImageFolder open() throws IOException {
            if (!Files.isDirectory(root)) {
                if (!Files.exists(root)) {
                    throw new NoSuchFileException(root.toString(), null, "imageFolder: no such folder");
                }
                throw new NotDirectoryException(root.toString());
            }
            List<Path> classDirs = sortedChildren(root).stream().filter(Files::isDirectory).toList();
            if (classDirs.isEmpty()) {
                throw new DatasetFormatException("imageFolder: " + root
                        + " has no class folders; expected root/<class name>/<image files>");
            }
            List<String> names = new ArrayList<>();
            List<Path> files = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            List<SkippedFile> skipped = new ArrayList<>();
            for (Path dir : classDirs) {
                int label = names.size();
                names.add(dir.getFileName().toString());
                int readable = 0;
                int skippedBefore = skipped.size();
                for (Path file : imagesUnder(dir)) {
                    String problem = check(file);
                    if (problem == null) {
                        files.add(file);
                        labels.add(label);
                        readable++;
                    } else if (unreadable == UnreadablePolicy.FAIL) {
                        throw new DatasetFormatException(file + ": unreadable image: " + problem
                                + " (onUnreadable(SKIP) leaves such files out)");
                    } else {
                        skipped.add(new SkippedFile(file, problem));
                    }
                }
                if (readable == 0) {
                    int bad = skipped.size() - skippedBefore;
                    throw new DatasetFormatException("imageFolder: class folder " + dir + " holds no "
                            + (bad == 0 ? "image files (" + String.join(", ", sortedExtensions()) + ")"
                                    : "readable image: all " + bad + " were skipped, first " + skipped.get(skippedBefore))
                            + "; add images or remove the folder");
                }
            }
            return new ImageFolder(this, names, files, labels.stream().mapToInt(Integer::intValue).toArray(), skipped);
        }

        /** Null if the file is readable, else the reason. */
        private String check(Path file) {
            try {
                if (verify) {
                    ImageDecoding.read(file, colorMode);
                } else {
                    ImageDecoding.probe(file);
                }
                return null;
            } catch (IOException e) {
                return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            }
        }

        private static List<Path> imagesUnder(Path dir) throws IOException {
            try (Stream<Path> walk = Files.walk(dir)) {
                return walk.filter(p -> !p.equals(dir) && Files.isRegularFile(p) && !hidden(dir, p) && isImage(p))
                        .sorted().toList();
            }
        }

        private static List<Path> sortedChildren(Path dir) throws IOException {
            try (Stream<Path> list = Files.list(dir)) {
                return list.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
        }

        /** True if any name between {@code dir} and {@code file} starts with a dot. */
        private static boolean hidden(Path dir, Path file) {
            for (Path part : dir.relativize(file)) {
                if (part.toString().startsWith(".")) {
                    return true;
                }
            }
            return false;
        }

        private static boolean isImage(Path file) {
            String name = file.getFileName().toString();
            int dot = name.lastIndexOf('.');
            return dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
        }

        private static List<String> sortedExtensions() {
            List<String> list = new ArrayList<>(EXTENSIONS);
            Collections.sort(list);
            return list;
        }
    }
}
