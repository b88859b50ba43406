package density

import "github.com/htmap/htmap/internal/box3"

// box is an axis-aligned bounding box of embedded points or locations.
type box = box3.Box
