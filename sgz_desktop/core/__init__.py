"""The Qt-free core of sgz-desktop: one module per area, plain service functions, frozen results."""
