/* A library named libxml2.so.2 with none of libxml2's functions, for
   tests/cli/startup_test.sh: kurdi's HTML reader must fail to load it and
   skip HTML files with the reason, without crashing. */
int kurdi_fake_libxml2 = 1;
