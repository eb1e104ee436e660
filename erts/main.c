/* main.c — the ember command (placeholder until the command line lands). */
#include <stdio.h>
int main(void)
{
    fprintf(stderr, "ember: not implemented yet\n");
    return 1;
}
