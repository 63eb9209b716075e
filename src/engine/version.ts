/** Engine version: bump on any change to what a plan says. */
export const ENGINE_VERSION = '0.1.0';
